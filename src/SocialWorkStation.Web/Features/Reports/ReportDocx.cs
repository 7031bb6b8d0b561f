using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// Writes a report as Word (.docx) in the layout of GB/T 9704-2012 that bureaus file: A4; margins 37/35/28/26 mm;
/// title in 方正小标宋简体 二号 (22 pt); body in 仿宋_GB2312 三号 (16 pt) at 28 lines a page; headings in 黑体 and
/// 楷体_GB2312; a table of contents field (Word fills it on opening); page numbers "— 1 —" in the footer.
/// Headings use the built-in Heading 1/2 styles so the contents and the navigation pane find them.
/// </summary>
public static class ReportDocx
{
    private const string Body = "仿宋_GB2312";
    private const string TitleFont = "方正小标宋简体";
    private const string Heading1Font = "黑体";
    private const string Heading2Font = "楷体_GB2312";
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八"];

    public static byte[] Write(ReportContent c) =>
        Write(c.Title, $"（{c.PeriodLabel}，{c.From} 至 {c.To}）",
            [$"报送单位：{c.Writer}", $"报送对象：{c.Receivers}", $"报送期限：{c.DueOn}　　数据截至：{c.AsOf}"], c.Sections);

    /// <summary>
    /// Any document in the same layout: a title, a centred subtitle, the lines under it, the contents, then each section
    /// (Heading 1) with its paragraphs and its tables (Heading 2). The evaluation round report is written through this.
    /// </summary>
    public static byte[] Write(string title, string subtitle, IReadOnlyList<string> front, IReadOnlyList<ReportSection> sections)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                Run("— ", size: 28), FieldBegin(), Instr(" PAGE "), FieldSeparate(), Run("1", size: 28), FieldEnd(), Run(" —", size: 28)));
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            body.Append(Styled("Title", title));
            body.Append(Centered(subtitle));
            foreach (var line in front)
            {
                body.Append(Plain(line));
            }
            body.Append(Styled("TOCHeading", "目　录"));
            body.Append(new Paragraph(FieldBegin(), Instr(" TOC \\o \"1-2\" \\h \\z \\u "), FieldSeparate(), Run("（打开文档时更新目录；如未更新，请右键点击此处选择“更新域”。）"), FieldEnd()));
            var n = 0;
            foreach (var s in sections)
            {
                body.Append(Styled("Heading1", $"{Numerals[Math.Min(n++, Numerals.Length - 1)]}、{s.Title}"));
                foreach (var p in s.Paragraphs)
                {
                    body.Append(Plain(p, indent: true));
                }
                var t = 0;
                foreach (var table in s.Tables)
                {
                    body.Append(Styled("Heading2", $"（{Numerals[Math.Min(t++, Numerals.Length - 1)]}）{table.Title}"));
                    body.Append(Table(table));
                }
            }
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U },
                new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = 579, CharacterSpace = 0 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(Body), new FontSize { Val = "32" }, new Languages { EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "579", LineRule = LineSpacingRuleValues.Exact }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", TitleFont, 44, center: true, outline: null),
            Heading("TOCHeading", "TOC Heading", Heading1Font, 32, center: true, outline: null),
            Heading("Heading1", "heading 1", Heading1Font, 32, center: false, outline: 0),
            Heading("Heading2", "heading 2", Heading2Font, 32, center: false, outline: 1),
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private static Style Heading(string id, string name, string font, int halfPoints, bool center, int? outline)
    {
        var pPr = new StyleParagraphProperties(new KeepNext());
        if (center) pPr.Append(new Justification { Val = JustificationValues.Center });
        if (outline is { } level) pPr.Append(new OutlineLevel { Val = level });
        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), pPr,
            new StyleRunProperties(Fonts(font), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static Paragraph Styled(string style, string text) => new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    private static Paragraph Centered(string text) => new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Run(text));

    /// <summary>A body paragraph; indented two characters as official documents are.</summary>
    private static Paragraph Plain(string text, bool indent = false) => indent
        ? new Paragraph(new ParagraphProperties(new Indentation { FirstLineChars = 200 }), Run(text))
        : new Paragraph(Run(text));

    private static Run Run(string text, int? size = null)
    {
        var run = new Run();
        if (size is { } s) run.Append(new RunProperties(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Run FieldBegin() => new(new FieldChar { FieldCharType = FieldCharValues.Begin });
    private static Run FieldSeparate() => new(new FieldChar { FieldCharType = FieldCharValues.Separate });
    private static Run FieldEnd() => new(new FieldChar { FieldCharType = FieldCharValues.End });
    private static Run Instr(string code) => new(new FieldCode(code) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>A bordered table in 四号 (14 pt) with single line spacing, so wide tables fit; the heading row repeats on each page.</summary>
    private static Table Table(ReportTable t)
    {
        var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(t.Columns, header: true));
        foreach (var row in t.Rows)
        {
            table.Append(Row(row, header: false));
        }
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
        {
            var props = new RunProperties();
            if (header) props.Append(new Bold());
            props.Append(new FontSize { Val = "24" });
            var run = new Run(props, new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }), run)));
        }
        return row;
    }
}
