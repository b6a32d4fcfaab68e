import type { RejectReason } from "../feedback/feedback.server";
import type { OrgCategory } from "./names";

/** Sentences residents' comments are composed from; the composer picks and joins them. */
export const OPENINGS = {
  agree: [
    "Tôi đồng ý với kết quả xếp loại này.",
    "Hoàn toàn nhất trí.",
    "Đồng tình với đánh giá của cấp ủy.",
    "Tôi thấy xếp loại như vậy là đúng.",
    "Kết quả này phản ánh đúng thực tế ở địa phương.",
    "Nhất trí với kết quả đánh giá năm nay.",
    "Đánh giá sát với thực tế.",
    "Xếp loại như vậy là xứng đáng.",
    "Tôi sống ở đây nhiều năm, thấy xếp loại là hợp lý.",
    "Đồng ý.",
  ],
  disagree: [
    "Tôi không đồng ý với kết quả xếp loại này.",
    "Theo tôi, xếp loại như vậy là chưa sát thực tế.",
    "Tôi chưa đồng tình với đánh giá này.",
    "Kết quả này chưa phản ánh đúng những gì bà con thấy.",
    "Không nhất trí.",
  ],
  neutral: [
    "Tôi không có ý kiến về xếp loại.",
    "Tôi mới chuyển về địa phương nên chưa nắm rõ.",
    "Chưa đủ thông tin để đánh giá.",
    "Ít tiếp xúc với tổ chức đảng ở đây nên tôi không có ý kiến.",
    "Không có ý kiến.",
  ],
};

const GENERAL_CONTEXTS = [
  "Gia đình tôi sống ở đây đã hơn 20 năm.",
  "Tôi là giáo viên về hưu.",
  "Tôi là cựu chiến binh, sinh hoạt ở khu dân cư này.",
];
const PLACE_CONTEXTS = [
  "Nhà tôi buôn bán ở chợ nên hay tiếp xúc với cán bộ.",
  "Tôi là đoàn viên thanh niên ở địa phương.",
  "Tôi làm rẫy, ít khi lên xã nhưng vẫn theo dõi tình hình.",
];

/** Who is speaking, by the kind of body they write about; opens some of the longer comments. */
export const CONTEXTS: Record<OrgCategory, string[]> = {
  locality: [...GENERAL_CONTEXTS, ...PLACE_CONTEXTS],
  hamlet: [...GENERAL_CONTEXTS, ...PLACE_CONTEXTS],
  school: [...GENERAL_CONTEXTS, "Tôi là phụ huynh có con học ở trường.", "Con tôi học ở đây đã ba năm."],
  health: [...GENERAL_CONTEXTS, "Gia đình tôi thường khám bệnh ở đây."],
  company: [...GENERAL_CONTEXTS, "Tôi làm công nhân ở đây đã năm năm.", "Nhà tôi ở sát hàng rào nhà máy."],
  office: [...GENERAL_CONTEXTS, "Tôi thường đến làm thủ tục ở đây."],
  institution: [...GENERAL_CONTEXTS, "Tôi đã nhiều lần đến làm việc với đơn vị."],
  coop: [...GENERAL_CONTEXTS, "Tôi là xã viên hợp tác xã."],
};

const PLACE_GOOD = [
  "Đường giao thông nông thôn được bê tông hóa, bà con rất phấn khởi.",
  "Các đảng viên gương mẫu, tích cực vận động bà con hiến đất làm đường.",
  "Công tác hòa giải ở cơ sở làm tốt, ít khi có khiếu kiện kéo dài.",
  "Cán bộ tiếp dân đúng lịch, giải quyết hồ sơ nhanh.",
  "Phong trào xây dựng nông thôn mới được triển khai bài bản.",
  "Tình hình an ninh trật tự được giữ vững, tệ nạn giảm rõ.",
  "Các khoản đóng góp được công khai minh bạch trên bảng tin.",
  "Hộ nghèo được quan tâm hỗ trợ vốn vay và cây giống kịp thời.",
];
const PLACE_BAD = [
  "Đường vào ấp xuống cấp nhiều năm chưa được sửa chữa.",
  "Việc giải quyết đơn thư của bà con còn chậm, có hồ sơ để cả năm.",
  "Một số đảng viên chưa gương mẫu chấp hành quy định về trật tự xây dựng.",
  "Tình trạng lấn chiếm vỉa hè, hành lang lộ giới chưa được xử lý dứt điểm.",
  "Các khoản đóng góp xây dựng chưa được công khai đầy đủ.",
  "Họp dân ít, ý kiến của bà con chưa được tiếp thu.",
  "Rác thải ở các tuyến đường chính chưa được thu gom thường xuyên.",
];

/** Evidence for and against, by the kind of body being rated. */
export const EVIDENCE: Record<OrgCategory, { good: string[]; bad: string[] }> = {
  locality: { good: PLACE_GOOD, bad: PLACE_BAD },
  hamlet: { good: PLACE_GOOD, bad: PLACE_BAD },
  school: {
    good: [
      "Thầy cô tận tụy, tỉ lệ học sinh lên lớp cao.",
      "Nhà trường công khai các khoản thu đầu năm rõ ràng.",
      "Các thầy cô là đảng viên thường xuyên phụ đạo miễn phí cho học sinh yếu.",
      "Cơ sở vật chất của trường được sửa sang khang trang.",
    ],
    bad: [
      "Vẫn còn tình trạng dạy thêm, học thêm tràn lan.",
      "Các khoản thu đầu năm nhiều và chưa rõ ràng.",
      "Phụ huynh góp ý nhiều lần nhưng nhà trường chưa trả lời.",
    ],
  },
  health: {
    good: ["Nhân viên y tế tận tình, khám chữa bệnh chu đáo.", "Công tác tiêm chủng mở rộng được làm rất tốt."],
    bad: ["Trạm thường đóng cửa sớm, thiếu thuốc thông thường.", "Thái độ của một số nhân viên với người bệnh chưa niềm nở."],
  },
  company: {
    good: [
      "Công ty trả lương đúng hạn, quan tâm đời sống công nhân.",
      "Tổ chức đảng phối hợp tốt với công đoàn chăm lo cho người lao động.",
    ],
    bad: [
      "Công nhân phải làm thêm giờ nhiều, chế độ bảo hiểm chưa bảo đảm.",
      "Môi trường quanh nhà máy bị ô nhiễm, bà con phản ánh nhiều lần.",
    ],
  },
  office: {
    good: ["Thủ tục hành chính được rút gọn, cán bộ hướng dẫn tận tình.", "Thái độ phục vụ nhân dân có tiến bộ rõ rệt."],
    bad: ["Thủ tục hành chính còn rườm rà, phải đi lại nhiều lần.", "Thái độ tiếp dân của một số cán bộ chưa đúng mực."],
  },
  institution: {
    good: ["Đơn vị hoàn thành tốt nhiệm vụ chuyên môn, được người dân tin tưởng.", "Đội ngũ đảng viên có trình độ, làm việc trách nhiệm."],
    bad: ["Người dân còn phải chờ đợi lâu khi đến làm việc.", "Chưa thấy vai trò của tổ chức đảng trong việc chấn chỉnh tiêu cực."],
  },
  coop: {
    good: ["Hợp tác xã hỗ trợ giống, phân bón kịp thời cho xã viên."],
    bad: ["Hợp tác xã hoạt động cầm chừng, xã viên ít được hưởng lợi."],
  },
};

/** For weak or merely "completed" ratings a dissent usually says the rating is too harsh. */
export const TOO_HARSH = [
  "Năm qua tập thể đã cố gắng khắc phục nhiều tồn tại.",
  "Phong trào ở địa phương có nhiều chuyển biến so với năm trước.",
  "Xếp loại như vậy là quá khắt khe.",
];

export const CLOSINGS = {
  agree: ["Mong tiếp tục phát huy.", "Chúc giữ vững thành tích.", "Đề nghị tiếp tục duy trì.", "Mong các đảng viên tiếp tục gương mẫu."],
  disagree: [
    "Đề nghị cấp ủy xem xét lại.",
    "Đề nghị xếp loại lại cho đúng.",
    "Mong cấp trên kiểm tra, làm rõ.",
    "Đề nghị công khai tiêu chí đánh giá cụ thể hơn.",
  ],
  neutral: ["Đề nghị công khai thêm kết quả hoạt động trong năm để người dân theo dõi.", "Mong có thêm các buổi tiếp xúc với người dân."],
};

/** What moderators turn away, by the reason they give. Duplicates reuse ordinary comments. */
export const REJECTED_BODIES: Record<Exclude<RejectReason, "duplicate">, string[]> = {
  spam: [
    "Nhận thiết kế website giá rẻ, uy tín, liên hệ ngay!",
    "Bán đất nền giá gốc chủ đầu tư, sổ hồng riêng, xem ngay!!!",
    "Cho vay tiêu dùng lãi suất thấp, giải ngân trong ngày.",
    "Khuyến mãi lớn cuối năm, mua một tặng một.",
  ],
  abuse: ["Toàn một lũ ăn hại, đánh giá cho có!", "Mấy ông này chỉ giỏi nói, làm thì chẳng ra gì, dẹp hết đi.", "Đồ vô dụng!"],
  "personal-data": [
    "Ông trưởng ấp nhà ở cuối hẻm cạnh chợ nhận tiền của dân, đề nghị điều tra, tên ông ấy là T.",
    "Bà kế toán xã tên H., nhà ở tổ 7, con trai đang làm ở đâu ai cũng biết.",
  ],
  "off-topic": [
    "Cho hỏi lịch cắt điện tuần sau ở khu vực này?",
    "Giá cà phê năm nay xuống thấp quá, bà con khó khăn.",
    "Đề nghị làm đèn đường ở ngã ba chợ.",
    "Ai có số điện thoại thợ sửa máy bơm không?",
  ],
  other: ["test", "thử gửi ý kiến", "...", "aaaaa"],
};

/** A few comments written in English (locale "en"). */
export const ENGLISH = {
  agree: ["I agree with this rating.", "The office handles paperwork much faster than before.", "Fair assessment, in my experience."],
  disagree: ["I disagree: the road through the hamlet has been broken for years.", "This rating is too generous."],
  neutral: ["No opinion, I only moved here recently.", "Not enough information to judge."],
};
