using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Agreements;

/// <summary>The 项目周期与协议 pages render what the API holds, in Chinese, for the roles that read them.</summary>
public sealed class AgreementPageTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_list_cycle_and_agreement_pages_show_flags_and_deadlines(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs", "页面测试社工中心");
        var cycle = await AgreementTestData.Cycle(bureau, new { countyCode = "469030", profileKey = "hunan", contractorId = contractor, startDate = "2025-01-01" });
        var cycleId = cycle.GetProperty("id").GetString();
        var a = await (await bureau.PostJson($"/api/v1/programme-cycles/{cycleId}/agreements", new
        {
            signedOn = "2025-01-24", termStart = "2025-02-01", termEnd = "2026-01-31", amount = 2120000.05m, clauses = new[] { "serviceContent" },
        })).ReadJson();

        var index = await bureau.GetStringAsync("/Agreements");
        Assert.Contains("项目周期与协议", index);
        Assert.Contains("新建项目周期", index);
        var cyclePage = await bureau.GetStringAsync($"/Agreements/Cycle/{cycleId}");
        Assert.Contains("页面测试社工中心", cyclePage);
        Assert.Contains("登记年度协议", cyclePage);
        var page = await bureau.GetStringAsync($"/Agreements/Agreement/{a.GetProperty("id").GetString()}");
        Assert.Contains("违约责任", page);
        Assert.Contains("2025-02-20", page);
        Assert.Contains("已逾期", page);
        Assert.Contains("2,120,000.05", page);

        // The overdue steps are on the bureau's home page.
        var home = await bureau.GetStringAsync("/");
        Assert.Contains("协议副本报市（州）备案已逾期", home);

        // The township officer reads the list but gets no form; a station head is refused; another county's page is 404.
        var township = await (await app.ClientFor("township")).GetStringAsync("/Agreements");
        Assert.DoesNotContain("新建项目周期", township);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("head")).GetAsync("/Agreements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("township")).GetAsync($"/Agreements/Cycle/{cycleId}")).StatusCode);
    }
}
