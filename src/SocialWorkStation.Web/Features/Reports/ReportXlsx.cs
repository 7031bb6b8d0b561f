using System.Globalization;
using MiniExcelLibs;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// The report's tables as an Excel workbook (MiniExcel): a 说明 sheet with the report's particulars, then one sheet per
/// table named after its section; numbers are written as numbers so the receiver can sum them.
/// </summary>
public static class ReportXlsx
{
    public static byte[] Write(ReportContent c)
    {
        var sheets = new Dictionary<string, object>
        {
            ["说明"] = new[]
            {
                Pair("报告", c.Title), Pair("报送单位", c.Writer), Pair("报送对象", c.Receivers), Pair("期间", $"{c.PeriodLabel}（{c.From} 至 {c.To}）"),
                Pair("报送期限", c.DueOn), Pair("数据截至", c.AsOf), Pair("本期有无服务记录", c.Empty ? "本期无服务记录" : "有"),
            },
        };
        foreach (var s in c.Sections)
        {
            for (var i = 0; i < s.Tables.Count; i++)
            {
                var t = s.Tables[i];
                var name = SheetName(sheets, s.Tables.Count == 1 ? s.Title : $"{s.Title}-{t.Title}");
                sheets[name] = t.Rows.Count == 0
                    ? [new Dictionary<string, object?> { ["说明"] = "无" }]
                    : t.Rows.Select(r => t.Columns.Select((col, j) => (col, value: Cell(j < r.Count ? r[j] : ""))).ToDictionary(x => x.col, x => x.value)).ToList();
            }
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Pair(string item, string value) => new() { ["项目"] = item, ["内容"] = ExcelCells.Safe(value) };

    /// <summary>Numbers as numbers; text kept from being read as a formula.</summary>
    private static object? Cell(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(0|[1-9][0-9]{0,15})(\.[0-9]+)?$")
            ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)
            : ExcelCells.Safe(text);

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\, unique.</summary>
    private static string SheetName(Dictionary<string, object> existing, string title)
    {
        var clean = new string(title.Where(ch => "[]:*?/\\".IndexOf(ch) < 0).ToArray());
        clean = clean.Length > 28 ? clean[..28] : clean;
        var name = clean;
        for (var i = 2; existing.ContainsKey(name); i++)
        {
            name = $"{clean}{i}";
        }
        return name;
    }
}
