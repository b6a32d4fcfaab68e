import { similarText } from "../../models/feedback/feedback-flags";
import { similarityKey, similarKeys } from "../../models/lib/similarity-key.server";

const TEXTS = [
  "Đề nghị xếp loại lại chi bộ này vì không xứng đáng",
  "de nghi xep loai lai chi bo nay vi khong xung dang!",
  "Chi bộ làm tốt công tác dân vận, tôi đồng tình",
  "Chi bộ làm tốt công tác dân vận, tôi hoàn toàn đồng tình với xếp loại",
  "Đề nghị xếp loại yếu kém, chi bộ này không xứng đáng được khen lần 1",
  "Đề nghị xếp loại yếu kém, chi bộ này không xứng đáng được khen lần 2",
  "Ý kiến độc lập thứ 3: chi bộ làm tốt việc số 21",
  "Ý kiến độc lập thứ 4: chi bộ cần cố gắng việc số 28",
  "Tôi thấy xếp loại như vậy là đúng với thực tế. Người dân khu phố 3 rất hài lòng với cách chi bộ giải quyết việc.",
  "Tôi thấy xếp loại như vậy là đúng với thực tế. Nhưng còn nhiều việc chậm.",
  "Nhiều việc của dân còn chậm giải quyết, xếp loại này cao hơn thực tế.",
  "Xếp loại này cao hơn thực tế: nhiều việc của dân còn chậm giải quyết",
  "!!!",
  "a b c",
  "ok",
  "OK",
];

describe("similarity keys", () => {
  it("answer exactly as similarText does on the texts, for every pair", () => {
    const keys = TEXTS.map(similarityKey);
    for (let i = 0; i < TEXTS.length; i++) {
      for (let j = 0; j < TEXTS.length; j++) {
        expect({ a: TEXTS[i], b: TEXTS[j], similar: similarKeys(keys[i]!, keys[j]!) }).toEqual({
          a: TEXTS[i],
          b: TEXTS[j],
          similar: similarText(TEXTS[i]!, TEXTS[j]!),
        });
      }
    }
  });

  it("stay short: a few characters per distinct word, whatever the text's length", () => {
    const long = Array.from({ length: 300 }, (_, i) => `từ${i}`).join(" ");
    expect(similarityKey(long).length).toBeLessThanOrEqual(30 + 300 * 4);
    expect(similarityKey("Chi bộ làm tốt").length).toBeLessThan(50);
  });
});
