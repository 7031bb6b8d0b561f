using System.Net;
using SocialWorkStation.Web.Tests.Agreements;
using SocialWorkStation.Web.Tests.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Budgets;

/// <summary>The 预算与经费 page renders the budgets, the execution rate and the spending the API holds, for the roles that read them.</summary>
public sealed class BudgetPageTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_page_shows_lines_execution_rate_spending_and_the_forms_by_role(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "页面预算测试站" + AgreementTestData.Suffix(), "469030103", "hainan-qiongzhong");
        var agreement = await BudgetTestData.Agreement(bureau, "hainan-qiongzhong", contractor, station);
        var budget = await BudgetTestData.Budget(bureau, agreement, station,
            new { category = "serviceFee", fundingSource = "fiscalBudget", amount = 162000m },
            new { category = "operations", fundingSource = "welfareLottery", amount = 50000m });
        var entry = await BudgetTestData.Spend(bureau, BudgetTestData.Line(budget, "operations"), 12500m, app.Today.ToString("yyyy-MM-dd"), "某印刷厂", "宣传册印制");
        await BudgetTestData.Step(bureau, entry, "approve");

        var page = await bureau.GetStringAsync($"/Budgets/{agreement}");
        Assert.Contains("预算与经费", page);
        Assert.Contains("25.00%", page); // 12,500 / 50,000 on the line
        Assert.Contains("5.90%", page); // 12,500 / 212,000 = 5.896…% for the station
        Assert.Contains("宣传册印制", page);
        Assert.Contains("已审批", page);
        Assert.Contains("登记支出", page);
        Assert.Contains("下载支出台账", page);
        Assert.Contains("预算与经费", await bureau.GetStringAsync($"/Agreements/Agreement/{agreement}"));

        // A township officer of another township sees no budget; a social worker is refused.
        Assert.DoesNotContain("宣传册印制", await (await app.ClientFor("township")).GetStringAsync($"/Budgets/{agreement}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("worker")).GetAsync($"/Budgets/{agreement}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_spending_entry_is_recorded_with_its_invoice_in_one_step_and_the_ledger_flags_entries_without(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "发票页面测试站" + AgreementTestData.Suffix(), "469030103", "hainan-qiongzhong");
        var agreement = await BudgetTestData.Agreement(bureau, "hainan-qiongzhong", contractor, station);
        var budget = await BudgetTestData.Budget(bureau, agreement, station,
            new { category = "serviceFee", fundingSource = "fiscalBudget", amount = 162000m },
            new { category = "operations", fundingSource = "welfareLottery", amount = 50000m });
        var line = BudgetTestData.Line(budget, "operations");
        var today = app.Today.ToString("yyyy-MM-dd");
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

        async Task<HttpResponseMessage> Post(string purpose, byte[]? file, string fileName)
        {
            var html = await bureau.GetStringAsync($"/Budgets/{agreement}");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(TestApp.FormToken(html)), "__RequestVerificationToken" },
                { new StringContent(line), "Spend.BudgetLineId" },
                { new StringContent(today), "Spend.Date" },
                { new StringContent("1234.56"), "Spend.Amount" },
                { new StringContent("某印刷厂"), "Spend.Payee" },
                { new StringContent(purpose), "Spend.Purpose" },
            };
            if (file is not null)
            {
                var content = new ByteArrayContent(file);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                form.Add(content, "Spend.Invoice", fileName);
            }
            return await bureau.PostAsync($"/Budgets/{agreement}?handler=Spend", form);
        }

        // With the invoice: one step, the entry and its file.
        var withInvoice = await Post("海报印制", pdf, "印刷发票.pdf");
        Assert.True(withInvoice.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK, await withInvoice.Content.ReadAsStringAsync());
        var entries = (await bureau.GetJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}/spending")).EnumerateArray().ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(1234.56m, entry.GetProperty("amount").GetDecimal());
        var invoice = Assert.Single(entry.GetProperty("invoices").EnumerateArray());
        Assert.Equal("印刷发票.pdf", invoice.GetProperty("fileName").GetString());
        var file = await bureau.GetAsync($"/api/v1/attachments/{invoice.GetProperty("id").GetString()}/content");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());

        // A file the platform refuses: nothing is recorded, the reason is on the page.
        var refused = await Post("横幅制作", "not an invoice"u8.ToArray(), "发票.pdf");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("无法识别的文件类型", await refused.Content.ReadAsStringAsync());
        Assert.Single((await bureau.GetJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}/spending")).EnumerateArray());

        // Without an invoice: recorded, flagged on the page and in the ledger.
        await Post("横幅制作", null, "");
        var page = await bureau.GetStringAsync($"/Budgets/{agreement}");
        Assert.Contains($"/api/v1/attachments/{invoice.GetProperty("id").GetString()}/content", page);
        Assert.Contains("印刷发票.pdf", page);
        Assert.Contains("未上传发票", page);
        Assert.Contains("补传发票", page);
        var ledger = await bureau.GetAsync($"/api/v1/budgets/ledger.xlsx?agreementId={agreement}");
        using var stream = new MemoryStream(await ledger.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["用途"] == "海报印制" && (string?)r["发票"] == "已上传1份");
        Assert.Contains(rows, r => (string?)r["用途"] == "横幅制作" && (string?)r["发票"] == "未上传");

        // The invoice added later from the ledger row.
        var noInvoice = (await bureau.GetJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}/spending")).EnumerateArray()
            .First(e => e.GetProperty("purpose").GetString() == "横幅制作").GetProperty("id").GetString();
        using var later = new MultipartFormDataContent { { new StringContent(TestApp.FormToken(page)), "__RequestVerificationToken" } };
        var laterFile = new ByteArrayContent(pdf);
        laterFile.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        later.Add(laterFile, "invoice", "横幅发票.pdf");
        await bureau.PostAsync($"/Budgets/{agreement}?handler=Invoice&entryId={noInvoice}", later);
        Assert.DoesNotContain("未上传发票", await bureau.GetStringAsync($"/Budgets/{agreement}"));
    }
}
