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
}
