using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// The staff pages: a station head on a phone finds the worker who does not meet the profile and reads why;
/// a bureau officer reviews the county's findings, exports them, pre-checks a candidate and imports a file.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkerComplianceTests(BrowserApp app)
{
    [BrowserFact]
    public async Task On_a_phone_a_station_head_opens_a_non_compliant_worker_and_reads_the_reason()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "head");

        await page.Locator("nav.tabbar").GetByRole(AriaRole.Link, new() { Name = "本站" }).ClickAsync();
        await page.WaitForURLAsync("**/Stations/Details/**");
        var panel = page.Locator("#staffing");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "人员配备" })).ToBeVisibleAsync();
        var wang = panel.Locator("li", new() { HasText = "王志强" });
        await Expect(wang).ToContainTextAsync("项不合格");
        await Expect(panel.Locator("li", new() { HasText = "黄晓梅" })).ToContainTextAsync("达标");
        var link = wang.GetByRole(AriaRole.Link);
        var box = await link.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "社工姓名的触控区域至少 44 像素高");
        await app.ScreenshotAsync(page, "w-phone-staffing");

        await link.ClickAsync();
        await page.WaitForURLAsync("**/Workers/Details/**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "王志强", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#compliance-title")).ToContainTextAsync("不符合要求");
        // The reason, in words, with the document and clause it comes from.
        var major = page.Locator(".finding", new() { HasText = "所学专业" }).First;
        await Expect(major).ToContainTextAsync("不符合");
        await Expect(major).ToContainTextAsync("“会计学”（其他专业）不属于社会工作专业或社会工作相关专业");
        await Expect(major).ToContainTextAsync("依据：琼中采购需求（五）管理保障第3项“人员配备”");
        await Expect(major.Locator(".interpretation")).ToContainTextAsync("平台解释");
        var qualification = page.Locator(".finding", new() { HasText = "任职资质" });
        await Expect(qualification).ToContainTextAsync("不少于120小时");
        await Expect(qualification).ToContainTextAsync("共40小时");
        // The ID number is masked; a station head may reveal it after giving a reason.
        await Expect(page.Locator(".facts")).ToContainTextAsync("469***********");
        // Nothing is wider than the phone.
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"页面宽度 {width}px 超出手机屏幕");
        Assert.Equal("16px", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize"));
        await app.ScreenshotAsync(page, "w-phone-worker");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await page.GetByLabel("查看完整号码的原因").FillAsync("核对劳动合同");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.Locator(".facts .font-monospace")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^469030\\d{11}[\\dX]$"));
    }

    [BrowserFact]
    public async Task A_bureau_officer_reviews_the_county_findings_pre_checks_a_candidate_and_imports_a_file()
    {
        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "bureau");

        await page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "人员检查汇总" }).ClickAsync();
        await page.WaitForURLAsync("**/Workers/Findings**");
        await page.GetByLabel("检查项").SelectOptionAsync("age");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("rule=age", StringComparison.Ordinal));
        var table = page.Locator("table.table-list");
        await Expect(table).ToContainTextAsync("李明");
        await Expect(table).ToContainTextAsync("已满46周岁");
        await app.ScreenshotAsync(page, "w-desktop-findings");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using (var stream = await download.CreateReadStreamAsync())
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            copy.Position = 0;
            var rows = copy.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Contains(rows, r => (string)r["社工"] == "李明" && (string)r["检查项"] == "年龄");
        }

        // A candidate whose 46th birthday is the planned hire date.
        await page.GotoAsync("/Workers/HiringCheck");
        await page.GetByLabel("所属站点").SelectOptionAsync(new SelectOptionValue { Label = "琼中县营根镇社会工作服务站（社工站）" });
        await page.GetByLabel("姓名").FillAsync("应聘者");
        await page.GetByLabel("身份证号码").FillAsync(SyntheticId("1980-04-01"));
        await page.GetByLabel("学历").SelectOptionAsync("juniorCollege");
        await page.GetByLabel("专业类别").SelectOptionAsync("related");
        await page.GetByLabel("拟入职日期").FillAsync("2026-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "预审", Exact = true }).ClickAsync();
        var result = page.Locator("#result");
        await Expect(result).ToContainTextAsync("不符合录用条件");
        await Expect(result).ToContainTextAsync("已满46周岁");
        await Expect(result).ToContainTextAsync("本地户籍");
        // What was typed stays in the form.
        await Expect(page.GetByLabel("姓名")).ToHaveValueAsync("应聘者");
        await app.ScreenshotAsync(page, "w-desktop-hiring");

        // An import with a wrong date: every error by sheet, row and column, nothing saved.
        await page.GotoAsync("/Workers/Import");
        await page.GetByLabel("导入到站点").SelectOptionAsync(new SelectOptionValue { Label = "琼中县营根镇社会工作服务站" });
        var file = Path.Combine(app.ScreenshotFolder, "import-bad.xlsx");
        await using (var fs = File.Create(file))
        {
            fs.SaveAs(new Dictionary<string, object>
            {
                ["社工"] = new List<Dictionary<string, object?>>
                {
                    new()
                    {
                        ["姓名"] = "导入测试", ["身份证号码"] = SyntheticId("1995-01-01"), ["岗位"] = "社工", ["学历"] = "本科", ["所学专业"] = "社会工作",
                        ["专业类别"] = "社会工作", ["入职日期"] = "2024-02-30", ["离职日期"] = null, ["实务起始日期"] = null, ["本地户籍"] = "是",
                        ["省内应届毕业生"] = null, ["实训基地实习"] = null, ["定点联系村（社区）"] = null,
                    },
                },
            });
        }
        await page.GetByLabel("Excel 文件").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "检查并导入" }).ClickAsync();
        var errors = page.Locator("#errors");
        await Expect(errors).ToContainTextAsync("未保存任何数据");
        var row = errors.Locator("tbody tr").First;
        await Expect(row).ToContainTextAsync("社工");
        await Expect(row).ToContainTextAsync("第2行");
        await Expect(row).ToContainTextAsync("入职日期");
        await app.ScreenshotAsync(page, "w-desktop-import-errors");
    }

    [BrowserFact]
    public async Task A_station_head_registers_a_worker_and_a_wrong_id_number_is_shown_under_its_field()
    {
        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "head");
        await page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "社工名册" }).ClickAsync();
        await page.WaitForURLAsync("**/Workers**");
        var list = page.Locator("table.table-list");
        await Expect(list.Locator("tr", new() { HasText = "王志强" })).ToContainTextAsync("项不合格");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记社工" }).ClickAsync();
        await page.WaitForURLAsync("**/Workers/Edit**");

        var id = SyntheticId("1996-08-08");
        await page.GetByLabel("姓名").FillAsync("新社工");
        await page.GetByLabel("身份证号码").FillAsync(id[..17] + (id[17] == '1' ? "2" : "1"));
        await page.GetByLabel("学历").SelectOptionAsync("bachelor");
        await page.GetByLabel("所学专业").FillAsync("社会工作");
        await page.GetByLabel("专业类别").SelectOptionAsync("socialWork");
        await page.GetByLabel("入职日期").FillAsync("2026-03-01");
        await page.GetByLabel("证书类别").SelectOptionAsync("nationalAssistant");
        await page.GetByLabel("取得日期").FillAsync("2025-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加培训" }).ClickAsync();
        await page.GetByLabel("培训日期").FillAsync("2026-05-10");
        await page.GetByLabel("学时").FillAsync("16");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).Last.ClickAsync();

        // The error stands under the field, in Chinese, and everything typed is kept.
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.IdNumber']")).ToContainTextAsync("校验位");
        await Expect(page.GetByLabel("姓名")).ToHaveValueAsync("新社工");
        await Expect(page.GetByLabel("学时")).ToHaveValueAsync("16");
        await app.ScreenshotAsync(page, "w-desktop-edit-error");

        await page.GetByLabel("身份证号码").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).Last.ClickAsync();
        await page.WaitForURLAsync("**/Workers/Details/**");
        await Expect(page.Locator("main")).ToContainTextAsync("已登记“新社工”");
        // Beside the birth date the number shows its first three characters only (the rest would complete it).
        await Expect(page.Locator(".facts")).ToContainTextAsync(id[..3] + new string('*', 15));
        await Expect(page.Locator(".facts")).Not.ToContainTextAsync(id[^4..]);
    }

    private static string SyntheticId(string birth)
    {
        var first17 = "469030" + birth.Replace("-", "", StringComparison.Ordinal) + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + Domain.IdNumbers.IdNumber.CheckChar(first17);
    }
}
