using System.Text.RegularExpressions;
using MiniExcelLibs;
using SocialWorkStation.Domain.IdNumbers;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>A station head imports a roster through the wizard: upload, mapping, progress, diff, confirm.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RosterImportWizardTests(BrowserApp app)
{
    private static string Id(int n)
    {
        var first17 = "469099" + new DateOnly(1950, 1, 1).AddDays(n * 37).ToString("yyyyMMdd") + (100 + n).ToString("000");
        return first17 + IdNumber.CheckChar(first17);
    }

    [BrowserFact]
    public async Task On_a_desktop_the_head_imports_a_roster_and_sees_who_is_new()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["姓名"] = "欧阳甲", ["身份证号码"] = Id(1), ["联系电话"] = "13800000001" },
            new() { ["姓名"] = "欧阳乙", ["身份证号码"] = Id(2), ["联系电话"] = "13800000002" },
            new() { ["姓名"] = "欧阳丙", ["身份证号码"] = Id(3), ["联系电话"] = "" },
        };
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(rows, excelType: ExcelType.XLSX);

        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "head");
        await page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "导入名单" }).ClickAsync();
        await page.GetByLabel("名单类别").SelectOptionAsync(new SelectOptionValue { Label = "受灾群众" });
        await page.GetByLabel("Excel 文件（.xlsx）").SetInputFilesAsync(new FilePayload
        {
            Name = "受灾群众名单.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = xlsx.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并下一步" }).ClickAsync();
        await page.WaitForURLAsync("**/Recipients/ImportJob/**");

        // The columns are recognised by their names.
        await Expect(page.GetByLabel("姓名（必填）")).ToHaveValueAsync("姓名");
        await Expect(page.GetByLabel("身份证号码（必填）")).ToHaveValueAsync("身份证号码");
        await app.ScreenshotAsync(page, "i-desktop-mapping");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始检查" }).ClickAsync();

        // The background job reports through the database; the page follows it and reloads when done.
        await Expect(page.GetByText("检查完毕，请核对后确认导入")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("dl.facts")).ToContainTextAsync(new Regex("新增\\s*3 人"));
        await app.ScreenshotAsync(page, "i-desktop-checked");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认无误，导入" }).ClickAsync();
        await Expect(page.GetByText("导入完成").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await app.ScreenshotAsync(page, "i-desktop-applied");

        // They are on the register now, found by pinyin, masked.
        await page.GotoAsync("/Recipients/Index?q=oyj");
        await Expect(page.Locator("table.recipients tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.recipients tbody")).ToContainTextAsync("欧*甲");
    }
}
