import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { publicDataChanged } from "../db/public-generation";
import { Reply, ReplyVersion, replyVersionId } from "../replies/reply.server";

/** Who the demo's replies are recorded as written by (no such account). */
const DEMO_AUTHOR = "seed:demo";
const DAY = 86_400_000;

interface DemoReply {
  orgCode: string;
  /** Earlier texts, oldest first, then the current one. */
  texts: string[];
  daysAgo: number;
  hidden?: { reason: "off-topic"; note: string };
}

/** 2011's replies: an organization under re-review, one rated weak (edited once) and the first on the list; one hidden, so the page counts it. */
const DEMO_REPLIES: DemoReply[] = [
  {
    orgCode: "BH-001",
    texts: [
      "Chi bộ cảm ơn ý kiến của bà con khu phố. Các ý kiến góp ý về việc giải quyết hồ sơ chậm đã được đưa ra sinh hoạt chi bộ tháng này; chi bộ sẽ báo cáo kết quả khắc phục tại cuộc họp tổ dân phố quý tới.",
    ],
    daysAgo: 6,
  },
  {
    orgCode: "BH-086",
    texts: [
      "Chi bộ tiếp thu ý kiến không đồng tình với kết quả xếp loại. Chi bộ đã báo cáo Đảng ủy phường để xem xét lại theo quy định và sẽ công khai kết quả trên trang này.",
    ],
    daysAgo: 4,
  },
  {
    orgCode: "XL-018",
    texts: [
      "Chi bộ ghi nhận ý kiến của nhân dân.",
      "Chi bộ nghiêm túc tiếp thu ý kiến của nhân dân về kết quả xếp loại yếu kém. Chi bộ đã kiểm điểm tập thể và cá nhân liên quan, xây dựng kế hoạch khắc phục với thời hạn cụ thể và mời đại diện người dân giám sát việc thực hiện.",
    ],
    daysAgo: 3,
  },
  {
    orgCode: "VC-028",
    texts: ["Mời bà con tham gia giải bóng đá của xã vào cuối tuần này."],
    daysAgo: 2,
    hidden: { reason: "off-topic", note: "Không trả lời ý kiến về kết quả xếp loại." },
  },
];

/** After the demo data is written: a few official replies on 2011's evaluations, written as the reply path stores them. Deterministic. */
export async function seedDemoReplies({ now }: { now: Date }): Promise<number> {
  // The demo replaces the catalog, so the replies to the one it replaced go too.
  await Reply.deleteMany({});
  await ReplyVersion.deleteMany({});
  const rows = (await catalogSnapshot()).rowsByPeriod.get("2011") ?? [];
  let written = 0;
  for (const demo of DEMO_REPLIES) {
    const row = rows.find((candidate) => candidate.orgCode === demo.orgCode);
    if (!row) continue;
    const publishedAt = new Date(now.getTime() - demo.daysAgo * DAY);
    const earlier = demo.texts.slice(0, -1);
    await ReplyVersion.insertMany(
      earlier.map((body, index) => ({
        _id: replyVersionId(row.id, index + 1),
        evaluation: row.id,
        version: index + 1,
        body,
        author: DEMO_AUTHOR,
        at: new Date(publishedAt.getTime() + index * 3_600_000),
      })),
    );
    const hidden = demo.hidden ? { ...demo.hidden, by: DEMO_AUTHOR, at: new Date(publishedAt.getTime() + DAY / 2) } : null;
    const updatedAt = new Date(publishedAt.getTime() + earlier.length * 3_600_000);
    await Reply.create({
      _id: row.id,
      organization: demo.orgCode,
      body: demo.texts.at(-1)!,
      version: demo.texts.length,
      author: DEMO_AUTHOR,
      publishedAt,
      updatedAt,
      hidden,
    });
    written += 1;
  }
  publicDataChanged();
  return written;
}
