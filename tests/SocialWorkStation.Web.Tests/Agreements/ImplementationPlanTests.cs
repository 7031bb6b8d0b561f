using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Tests.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Agreements;

/// <summary>
/// The annual implementation plan (Hunan 七、（一）) with the contractor's recruitment plan (三、（三）): drafted by the county bureau,
/// filed with the city, then locked; the city reads filed plans only, everyone else 404 (docs/requirements/agreements.md §13). Both databases.
/// </summary>
public sealed class ImplementationPlanTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static readonly string[] SectionKeys = ["background", "goals", "budgetAndPurchase", "contentAndSchedule", "stationStandards", "performanceEvaluation"];

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(field, json.GetProperty("field").GetString());
        return json;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_county_drafts_and_files_its_plan_the_city_reads_it_and_it_is_locked(string db)
    {
        var app = TestApp.For(db);
        var county = await EvaluationTestData.Account(app, "BureauOfficer", "430121");
        var city = await EvaluationTestData.Account(app, "BureauOfficer", "430100");
        var otherCity = await EvaluationTestData.Account(app, "BureauOfficer", "430200");
        var otherCounty = await EvaluationTestData.Account(app, "BureauOfficer", "430181");
        var contractor = await AgreementTestData.Contractor(county, "430121", "socialServiceOrganisation", "civilAffairs", "长沙县测试社工中心");
        var year = app.Today.Year;

        // The profile names the six sections with the clause; Ledong asks for no plan (422), the city cannot draft (422).
        await Problem(await county.PostJson("/api/v1/implementation-plans", new { countyCode = "430121", year, profileKey = "hainan-ledong" }), HttpStatusCode.UnprocessableEntity, "profileKey");
        await Problem(await city.PostJson("/api/v1/implementation-plans", new { countyCode = "430121", year, profileKey = "hunan" }), HttpStatusCode.UnprocessableEntity, "countyCode");
        await (await county.PostJson("/api/v1/implementation-plans", new { countyCode = "430121", profileKey = "hunan" })).AssertValidationProblem("year");

        var created = await county.PostJson("/api/v1/implementation-plans", new
        {
            countyCode = "430121", year, profileKey = "hunan",
            sections = new[] { new { key = "background", text = "长沙县辖13个镇街。" }, new { key = "goals", text = "每站2名驻站社工。" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.ReadJson();
        var id = plan.GetProperty("id").GetString()!;
        Assert.Equal(SectionKeys, plan.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("key").GetString()!).ToArray());
        Assert.Equal(["项目背景", "项目目标", "项目预算和购买方式", "项目内容和进度", "服务站点质量和数量标准", "绩效评估"],
            plan.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray());
        Assert.Contains("七、（一）", plan.GetProperty("sectionsSource").GetString());
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Equal("430100", plan.GetProperty("filedWithCode").GetString());
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("dueOn").ValueKind); // the document sets no due date
        Assert.Equal(4, plan.GetProperty("missingSections").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await county.PostJson("/api/v1/implementation-plans", new { countyCode = "430121", year, profileKey = "hunan" })).StatusCode);

        // A draft is the county's own: the city, another county and another city get 404.
        foreach (var other in new[] { city, otherCity, otherCounty })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/implementation-plans/{id}")).StatusCode);
            Assert.DoesNotContain((await other.GetJson("/api/v1/implementation-plans")).EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.PutJson($"/api/v1/implementation-plans/{id}", new { version = 1 })).StatusCode);

        // Filing before every section and the recruitment plan are there: 422 naming the missing ones.
        var early = await county.PostJson($"/api/v1/implementation-plans/{id}/filing", new { version = plan.GetProperty("version").GetInt32() });
        var earlyProblem = await Problem(early, HttpStatusCode.UnprocessableEntity, "sections");
        Assert.Contains("项目预算和购买方式", earlyProblem.GetProperty("detail").GetString());

        // Edits: an unknown section key is 400 naming it; a stale version 409.
        await (await county.PutJson($"/api/v1/implementation-plans/{id}", new { sections = new[] { new { key = "weather", text = "x" } }, version = plan.GetProperty("version").GetInt32() }))
            .AssertValidationProblem("sections[0].key");
        var full = new
        {
            sections = SectionKeys.Select(k => new { key = k, text = "内容：" + k }).ToArray(),
            contractorId = contractor,
            recruitmentPosts = new[] { new { post = "驻站社工", number = 26, qualifications = "40周岁以下，社会工作相关专业" }, new { post = "项目督导", number = 1, qualifications = "中级社会工作师" } },
            recruitmentTimetable = "1月公告，2月笔试面试，3月到岗",
            version = plan.GetProperty("version").GetInt32(),
        };
        var saved = await county.PutJson($"/api/v1/implementation-plans/{id}", full);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var edited = await saved.ReadJson();
        Assert.Equal(0, edited.GetProperty("missingSections").GetArrayLength());
        Assert.Equal(2, edited.GetProperty("recruitmentPosts").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await county.PutJson($"/api/v1/implementation-plans/{id}", full)).StatusCode); // the version read before the save
        await (await county.PutJson($"/api/v1/implementation-plans/{id}", new { recruitmentPosts = new[] { new { post = "社工", number = 0 } }, version = edited.GetProperty("version").GetInt32() }))
            .AssertValidationProblem("recruitmentPosts[0].number");

        // Filed with the city on a day: locked; the city reads it, another city does not.
        var filedOn = app.Today.AddDays(-1).ToString("yyyy-MM-dd");
        await (await county.PostJson($"/api/v1/implementation-plans/{id}/filing", new { filedOn = app.Today.AddDays(1).ToString("yyyy-MM-dd"), version = edited.GetProperty("version").GetInt32() }))
            .AssertValidationProblem("filedOn");
        var filing = await county.PostJson($"/api/v1/implementation-plans/{id}/filing", new { filedOn, version = edited.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, filing.StatusCode);
        var filed = await filing.ReadJson();
        Assert.Equal("filed", filed.GetProperty("status").GetString());
        Assert.Equal(filedOn, filed.GetProperty("filedOn").GetString());
        var locked = await county.PutJson($"/api/v1/implementation-plans/{id}", full with { version = filed.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("已锁定", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await county.PostJson($"/api/v1/implementation-plans/{id}/filing", new { version = filed.GetProperty("version").GetInt32() })).StatusCode);

        var seen = await city.GetJson($"/api/v1/implementation-plans/{id}");
        Assert.Equal("filed", seen.GetProperty("status").GetString());
        Assert.Equal("驻站社工", seen.GetProperty("recruitmentPosts")[0].GetProperty("post").GetString());
        Assert.Contains((await city.GetJson("/api/v1/implementation-plans?countyCode=430121")).EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCity.GetAsync($"/api/v1/implementation-plans/{id}")).StatusCode);
        // The city reads but does not edit.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await city.PutJson($"/api/v1/implementation-plans/{id}", full with { version = filed.GetProperty("version").GetInt32() })).StatusCode);

        // Every change is in the audit trail.
        Assert.True(await app.WithDb(d => d.AuditEntries.CountAsync(a => a.EntityType == "ImplementationPlan" && a.EntityId == id)) >= 3);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_plan_page_edits_files_and_shows_the_plan_to_the_city(string db)
    {
        var app = TestApp.For(db);
        var countyName = await EvaluationTestData.AccountName(app, "BureauOfficer", "430181");
        var county = await app.ClientFor(countyName);
        var city = await EvaluationTestData.Account(app, "BureauOfficer", "430100");
        var station = await EvaluationTestData.NewStation(app, "浏阳计划测试站" + AgreementTestData.Suffix(), "430181001", "hunan");
        var contractor = await AgreementTestData.Contractor(county, "430181", "socialServiceOrganisation", "civilAffairs", "浏阳测试社工中心");
        var list = await county.GetStringAsync("/Plans");
        Assert.Contains("编制年度实施计划", list);
        var created = await county.PostAsync("/Plans", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.FormToken(list), ["Year"] = app.Today.Year.ToString(), ["ProfileKey"] = "hunan",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var page = await county.GetStringAsync(url);
        foreach (var name in new[] { "项目背景", "项目目标", "项目预算和购买方式", "项目内容和进度", "服务站点质量和数量标准", "绩效评估", "承接机构人员招聘方案", "文件未规定报备期限" })
        {
            Assert.Contains(name, page);
        }
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.FormToken(page), ["Input.Version"] = "1", ["Input.ContractorId"] = contractor,
            ["Input.Posts[0].Post"] = "驻站社工", ["Input.Posts[0].Number"] = "20", ["Input.Posts[0].Qualifications"] = "40周岁以下", ["Input.Timetable"] = "3月到岗",
        };
        foreach (var k in SectionKeys) form[$"Input.Sections[{k}]"] = "浏阳内容" + k;
        Assert.Equal(HttpStatusCode.Redirect, (await county.PostAsync(url + "?handler=Save", new FormUrlEncodedContent(form))).StatusCode);
        page = await county.GetStringAsync(url);
        Assert.Contains("浏阳内容goals", page);
        // A file on the draft through the page (the county has a station to name).
        var upload = new MultipartFormDataContent { { new StringContent(TestApp.FormToken(page)), "__RequestVerificationToken" }, { new StringContent("document"), "category" } };
        var pdf = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        upload.Add(pdf, "files", "实施计划.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await county.PostAsync(url + "?handler=Upload", upload)).StatusCode);
        page = await county.GetStringAsync(url);
        Assert.Contains("实施计划.pdf", page);
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await county.PostAsync(url + "?handler=File", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.FormToken(page), ["Input.Version"] = version, ["FiledOn"] = app.Today.ToString("yyyy-MM-dd"),
        }))).StatusCode);
        page = await county.GetStringAsync(url);
        Assert.Contains("已备案", page);
        Assert.DoesNotContain("保存计划", page);

        var cityPage = await city.GetStringAsync(url);
        Assert.Contains("浏阳内容goals", cityPage);
        Assert.Contains("驻站社工", cityPage);
        Assert.Contains("实施计划.pdf", cityPage);
        Assert.Contains("年度实施计划", await city.GetStringAsync("/Plans"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("worker")).GetAsync("/Plans")).StatusCode);
        _ = station;
    }
}
