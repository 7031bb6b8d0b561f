using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>The service-record pages of issue 5A at an office desktop: volunteers, hours, the printable proof, the other lists and forms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServiceRecordPagesTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_head_registers_a_volunteer_records_hours_and_prints_a_proof()
    {
        var page = await app.NewPageAsync(1280, 900);
        await app.LoginAsync(page, "head");
        await page.GotoAsync("/Volunteers/Edit");
        await page.GetByLabel("姓名").FillAsync("林志愿");
        await page.GetByLabel("证件号码").FillAsync("110105194912310021"); // wrong check digit
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("校验位");
        await Expect(page.GetByLabel("姓名")).ToHaveValueAsync("林志愿");
        await page.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await page.GetByLabel("登记日期").FillAsync("2026-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Volunteers/Details/**");
        await Expect(page.Locator("#id-number")).ToHaveTextAsync("110***************"); // beside the birth date: first 3 only

        await page.GetByRole(AriaRole.Link, new() { Name = "记录服务时长" }).ClickAsync();
        await page.GetByLabel("服务日期").FillAsync("2026-02-01");
        await page.GetByLabel("开始时间").FillAsync("08:00");
        await page.GetByLabel("结束时间").FillAsync("12:00");
        await page.GetByLabel("其中往返交通（分钟）").FillAsync("60");
        await page.GetByLabel("服务内容").FillAsync("陪同独居老人就医");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Volunteers/Details/**");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3 小时");

        // The training and award parts of the record (order No. 67 art. 4), listed on the volunteer's page.
        await page.Locator("summary", new() { HasText = "添加培训记录" }).ClickAsync();
        await page.GetByLabel("培训日期").FillAsync("2026-01-20");
        await page.GetByLabel("学时").FillAsync("4");
        await page.GetByLabel("培训名称或内容").FillAsync("助老服务技能");
        await page.GetByLabel("组织单位").FillAsync("琼中县志愿者协会");
        await page.Locator("form[action*='handler=Training'] button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已添加培训记录");
        await Expect(page.Locator("#trainings-h")).ToContainTextAsync("1 次，共 4 学时");
        await page.Locator("summary", new() { HasText = "添加表彰奖励" }).ClickAsync();
        await page.Locator("form[action*='handler=Award'] button[type=submit]").ClickAsync(); // nothing typed
        await Expect(page.Locator("[data-valmsg-for='Award.Grantor']")).Not.ToBeEmptyAsync();
        await page.GetByLabel("表彰日期").FillAsync("2026-03-05");
        await page.GetByLabel("表彰奖励名称").FillAsync("学雷锋优秀志愿者");
        await page.GetByLabel("授予单位").FillAsync("营根镇人民政府");
        await page.Locator("form[action*='handler=Award'] button[type=submit]").ClickAsync();
        await Expect(page.Locator("table[aria-labelledby=awards-h]")).ToContainTextAsync("学雷锋优秀志愿者");

        await page.Locator("summary", new() { HasText = "查看" }).ClickAsync();
        await page.GetByPlaceholder("查看原因（将记入审计日志）").FillAsync("核对身份");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认查看" }).ClickAsync();
        await Expect(page.Locator("#id-number")).ToHaveTextAsync("11010519491231002X");

        await page.GetByLabel("负责人").FillAsync("黄站长");
        await page.GetByLabel("联系方式").FillAsync("0898-86220000");
        await page.GetByLabel("列出本期间的培训和表彰奖励").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "出具证明" }).ClickAsync();
        await page.WaitForURLAsync("**/Volunteers/Proof/**");
        var proof = page.Locator("article.proof");
        await Expect(proof).ToContainTextAsync("志愿服务证明");
        await Expect(proof).ToContainTextAsync("11010519491231002X");
        await Expect(proof).ToContainTextAsync("3 小时");
        await Expect(proof).ToContainTextAsync("琼中县营根镇社会工作服务站");
        await Expect(proof).ToContainTextAsync("469030100-");
        await Expect(proof.Locator("tr", new() { HasText = "其他需要说明的事项" })).ToContainTextAsync("助老服务技能（4学时，琼中县志愿者协会）");
        await Expect(proof.Locator("tr", new() { HasText = "经办人" })).Not.ToContainTextAsync("Reveal");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("nav.sidebar")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印（A4）" })).ToBeHiddenAsync();
        await app.ScreenshotAsync(page, "f-proof-print");
    }

    [BrowserFact]
    public async Task Every_service_record_page_opens_and_a_stale_activity_edit_shows_both_versions()
    {
        var page = await app.NewPageAsync(1280, 900);
        await app.LoginAsync(page, "worker");
        foreach (var (path, heading) in new[]
                 {
                     ("/Services/Index", "服务记录"), ("/Activities/Index", "社区（乡镇）活动"), ("/Volunteers/Index", "志愿者"),
                     ("/Volunteers/Teams", "志愿服务队"), ("/Volunteers/Team", "组建志愿服务队"), ("/Resources/Index", "资源链接（资源清单）"),
                     ("/Resources/Edit", "记录资源"), ("/NeedsSurveys/Index", "需求清单"), ("/NeedsSurveys/Edit", "记录需求调研"),
                     ("/FeaturedCases/Index", "特色服务案例"), ("/FeaturedCases/Edit", "撰写特色服务案例"),
                 })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        // A resource with a money amount, then the needs survey with one need.
        await page.GotoAsync("/Resources/Edit");
        await page.GetByLabel("捐赠方/合作方名称").FillAsync("琼中某爱心企业");
        await page.GetByLabel("类型", new() { Exact = true }).SelectOptionAsync("enterprise");
        await page.GetByLabel("资源类型").SelectOptionAsync("money");
        await page.GetByLabel("内容").FillAsync("助学金");
        await page.GetByLabel("金额（元，资金）").FillAsync("5000");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Resources/Details/**");
        await Expect(page.Locator(".facts")).ToContainTextAsync("¥5,000.00");

        // Goods handed to one recipient: the name stays masked, the full record is behind the recipient's 查看.
        await page.GotoAsync("/Resources/Edit");
        await page.GetByLabel("捐赠方/合作方名称").FillAsync("李先生");
        await page.GetByLabel("类型", new() { Exact = true }).SelectOptionAsync("individual");
        await page.GetByLabel("内容").FillAsync("冬衣两件");
        await page.GetByLabel("服务对象", new() { Exact = true }).CheckAsync();
        var chosen = await page.GetByLabel("受助服务对象（去向为服务对象时）").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Resources/Details/**");
        await Expect(page.Locator(".facts .recipient-name")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^服务对象：.\\*"));
        await Expect(page.Locator(".facts").GetByRole(AriaRole.Link, new() { Name = "查看" })).ToHaveAttributeAsync("href", "/Recipients/Details/" + chosen[0]);

        // Two tabs edit the same activity; the second save finds the first and shows both versions.
        await page.GotoAsync("/Activities/Edit");
        await page.GetByLabel("地点", new() { Exact = true }).FillAsync("营根镇");
        await page.GetByLabel("活动主题").FillAsync("冲突演示活动");
        await page.GetByLabel("社区治理").CheckAsync();
        await page.GetByLabel("参与人数").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Activities/Details/**");
        var editUrl = page.Url.Replace("/Details/", "/Edit/");
        var other = await app.NewPageAsync(1280, 900);
        await app.LoginAsync(other, "head");
        await other.GotoAsync(editUrl);
        await page.GotoAsync(editUrl);
        await other.GetByLabel("参与人数").FillAsync("30");
        await other.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await other.WaitForURLAsync("**/Activities/Details/**");
        await page.GetByLabel("参与人数").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "两个版本对照" })).ToBeVisibleAsync();
        var row = page.Locator("tr.diff-row", new() { HasText = "参与人数" });
        await Expect(row).ToContainTextAsync("15");
        await Expect(row).ToContainTextAsync("30");
        await app.ScreenshotAsync(page, "f-activity-conflict");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Activities/Details/**");
        await Expect(page.Locator(".facts")).ToContainTextAsync("15 人");
    }
}
