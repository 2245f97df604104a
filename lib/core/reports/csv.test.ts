import { describe, expect, it } from "vitest";
import { contentDisposition, csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it("leaves plain text and Chinese alone", () => {
    expect(csvCell("长三角一体化")).toBe("长三角一体化");
    expect(csvCell("plain text")).toBe("plain text");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("上海，南京, 杭州")).toBe('"上海，南京, 杭州"');
    expect(csvCell('他说"对"')).toBe('"他说""对"""');
    expect(csvCell("一行\n两行")).toBe('"一行\n两行"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=SUM(A1:A2)")).toBe("'=SUM(A1:A2)");
    expect(csvCell("+86 21")).toBe("'+86 21");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\tx")).toBe("'\tx");
    // Defused and quoted together.
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    // Only at the start.
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers as numbers, negative ones included, and null as empty", () => {
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(75)).toBe("75");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends every line with CRLF", () => {
    const csv = toCsv([
      ["姓名", "得分"],
      ["Bob, \"the builder\"", 75],
      ["=丁一", null],
    ]);
    expect(csv).toBe('\uFEFF姓名,得分\r\n"Bob, ""the builder""",75\r\n\'=丁一,\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("is a BOM alone without rows", () => {
    expect(toCsv([])).toBe("\uFEFF");
  });
});

describe("contentDisposition", () => {
  it("has an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("长三角测验 - 学生.csv", "report-students.csv")).toBe(
      "attachment; filename=\"report-students.csv\"; filename*=UTF-8''%E9%95%BF%E4%B8%89%E8%A7%92%E6%B5%8B%E9%AA%8C%20-%20%E5%AD%A6%E7%94%9F.csv",
    );
  });

  it("encodes the characters RFC 5987 does not allow and cleans the fallback", () => {
    expect(contentDisposition("it's (1)*.csv", 'a"b\\c测.csv')).toBe("attachment; filename=\"a_b_c_.csv\"; filename*=UTF-8''it%27s%20%281%29%2A.csv");
  });
});
