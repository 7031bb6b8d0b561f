using System.Net;
using System.Text.Json;
using SocialWorkStation.Web.Tests.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Agreements;

/// <summary>Programme cycles and agreements through the API (docs/requirements/agreements.md), on both databases.</summary>
public sealed class AgreementApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static readonly string[] HunanAllButLiability = ["serviceContent", "targets", "serviceRequirements", "rightsAndDuties", "performanceEvaluation", "forceMajeure"];

    [Theory, MemberData(nameof(Providers))]
    public async Task The_bureau_starts_a_cycle_and_signs_its_agreements_with_missing_clauses_flagged_and_deadlines(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "和平镇协议测试站" + AgreementTestData.Suffix(), "469030103", "hunan");

        var cycle = await AgreementTestData.Cycle(bureau, new { countyCode = "469030", profileKey = "hunan", contractorId = contractor, startDate = "2025-01-01", stationIds = new[] { station } });
        Assert.Equal(3, cycle.GetProperty("years").GetInt32());
        Assert.Contains("六、（三）", cycle.GetProperty("yearsSource").GetString());
        Assert.Equal("琼中黎族苗族自治县民政局", cycle.GetProperty("buyerName").GetString()); // the county bureau by default
        Assert.Equal(station, cycle.GetProperty("stations")[0].GetProperty("id").GetString());
        var cycleId = cycle.GetProperty("id").GetString();

        // Signed on Friday 24 January 2025, the liability clause left out: flagged, not refused.
        var response = await bureau.PostJson($"/api/v1/programme-cycles/{cycleId}/agreements", new
        {
            signedOn = "2025-01-24", termStart = "2025-02-01", termEnd = "2026-01-31", amount = 2120000.05m, clauses = HunanAllButLiability,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var agreement = await response.ReadJson();
        Assert.Equal(1, agreement.GetProperty("yearNumber").GetInt32());
        Assert.Equal(2120000.05m, agreement.GetProperty("amount").GetDecimal());
        var missing = agreement.GetProperty("requiredClauses").EnumerateArray().Where(c => !c.GetProperty("contained").GetBoolean()).ToList();
        Assert.Equal("违约责任", Assert.Single(missing).GetProperty("name").GetString());
        Assert.Contains(agreement.GetProperty("flags").EnumerateArray(), f => f.GetString()!.Contains("违约责任") && f.GetString()!.Contains("湖南方案 六、（二）"));

        // Deadlines from the signing date: the 15th working day after the Spring Festival, one month later; both overdue today.
        var filing = Deadline(agreement, "filing");
        Assert.Equal("2025-02-20", filing.GetProperty("dueOn").GetString());
        Assert.True(filing.GetProperty("overdue").GetBoolean());
        Assert.Contains("七、（三）", filing.GetProperty("source").GetString());
        var placed = Deadline(agreement, "workersPlaced");
        Assert.Equal("2025-02-24", placed.GetProperty("dueOn").GetString());
        Assert.True(placed.GetProperty("overdue").GetBoolean());

        // Recording the filing on the 15th working day: done, in time. A second edit with the old version: 409.
        var id = agreement.GetProperty("id").GetString();
        var version = agreement.GetProperty("version").GetInt32();
        var edit = new
        {
            signedOn = "2025-01-24", termStart = "2025-02-01", termEnd = "2026-01-31", amount = 2120000.05m, clauses = HunanAllButLiability.Append("liability").ToArray(),
            filedOn = "2025-02-20", workersPlacedOn = "2025-02-25", version,
        };
        var updated = await (await bureau.PutJson($"/api/v1/agreements/{id}", edit)).ReadJson();
        Assert.Equal(version + 1, updated.GetProperty("version").GetInt32());
        Assert.False(Deadline(updated, "filing").GetProperty("overdue").GetBoolean());
        Assert.False(Deadline(updated, "filing").GetProperty("late").GetBoolean());
        Assert.True(Deadline(updated, "workersPlaced").GetProperty("late").GetBoolean()); // 25 February is the day after
        Assert.DoesNotContain(updated.GetProperty("requiredClauses").EnumerateArray(), c => !c.GetProperty("contained").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PutJson($"/api/v1/agreements/{id}", edit)).StatusCode);

        // Years 2 and 3, then no 4th: 422 naming the year; year 2 again: 409.
        foreach (var signed in new[] { "2026-01-20", "2027-01-20" })
        {
            var r = await bureau.PostJson($"/api/v1/programme-cycles/{cycleId}/agreements", new { signedOn = signed, termStart = signed, termEnd = signed, amount = 1, clauses = Array.Empty<string>() });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }
        var fourth = await bureau.PostJson($"/api/v1/programme-cycles/{cycleId}/agreements", new { signedOn = "2028-01-20", termStart = "2028-01-20", termEnd = "2028-12-31", amount = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fourth.StatusCode);
        var problem = await fourth.ReadJson();
        Assert.Equal("yearNumber", problem.GetProperty("field").GetString());
        Assert.Contains("湖南方案 六、（三）", problem.GetProperty("detail").GetString());
        var again = await bureau.PostJson($"/api/v1/programme-cycles/{cycleId}/agreements", new { yearNumber = 2, signedOn = "2026-01-20", termStart = "2026-01-20", termEnd = "2026-12-31", amount = 1 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var read = await bureau.GetJson($"/api/v1/programme-cycles/{cycleId}");
        Assert.Equal([1, 2, 3], read.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("yearNumber").GetInt32()).ToArray());
        var list = await bureau.GetJson("/api/v1/programme-cycles?countyCode=469030&pageSize=500");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == cycleId);

        // The demo contractor manager belongs to another organisation; the demo township officer to another township: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("manager")).GetAsync($"/api/v1/agreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("township")).GetAsync($"/api/v1/programme-cycles/{cycleId}")).StatusCode);
        // The township officer of the station's township reads it.
        var township = await EvaluationTestData.Account(app, "TownshipOfficer", "469030103");
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/api/v1/agreements/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_contractor_manager_reads_only_its_own_organisations_agreements(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var orgs = await bureau.GetJson("/api/v1/organisations?kind=contractor&pageSize=500");
        var demo = orgs.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString()!.Contains("演示")).GetProperty("id").GetString();
        var cycle = await AgreementTestData.Cycle(bureau, new { countyCode = "469030", profileKey = "hainan-qiongzhong", contractorId = demo, startDate = "2026-03-01" });
        var manager = await app.ClientFor("manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}")).StatusCode);
        var list = await manager.GetJson("/api/v1/programme-cycles?pageSize=500");
        Assert.All(list.GetProperty("items").EnumerateArray(), c => Assert.Equal(demo, c.GetProperty("contractorId").GetString()));
        // The manager cannot sign.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson($"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}/agreements", new { })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Qiongzhong_terms_run_one_year_from_signing_in_a_one_year_cycle(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var cycle = await AgreementTestData.Cycle(bureau, new { countyCode = "469030", profileKey = "hainan-qiongzhong", contractorId = contractor, startDate = "2024-02-29" });
        Assert.Equal(1, cycle.GetProperty("years").GetInt32());
        var url = $"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}/agreements";
        var response = await bureau.PostJson(url, new { signedOn = "2024-02-29", amount = 2120000 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var a = await response.ReadJson();
        Assert.Equal("2024-02-29", a.GetProperty("termStart").GetString());
        Assert.Equal("2025-02-28", a.GetProperty("termEnd").GetString());
        Assert.Empty(a.GetProperty("deadlines").EnumerateArray());
        // A term other than one year from signing: 422 naming the clause.
        var put = await bureau.PutJson($"/api/v1/agreements/{a.GetProperty("id").GetString()}", new { signedOn = "2024-02-29", termEnd = "2025-06-30", amount = 1, version = a.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Contains("服务期限", (await put.ReadJson()).GetProperty("detail").GetString());
        // A second year in a one-year cycle: 422.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await bureau.PostJson(url, new { signedOn = "2025-03-01", amount = 1 })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ledong_refuses_a_company_registered_with_the_market_regulator_as_contractor(string db)
    {
        var app = TestApp.For(db);
        var ledongBureau = await EvaluationTestData.Account(app, "BureauOfficer", "469027");
        var company = await AgreementTestData.Contractor(ledongBureau, "469027", "enterprise", "marketRegulation", "乐东测试咨询有限公司");
        var ngo = await AgreementTestData.Contractor(ledongBureau, "469027", "socialServiceOrganisation", "civilAffairs");

        // As a station's contractor.
        var station = await ledongBureau.PostJson("/api/v1/stations", new { name = "乐东黎族自治县抱由镇社会工作服务站" + AgreementTestData.Suffix(), kind = "station", regionCode = "469027100", profileKey = "hainan-ledong", contractorId = company });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, station.StatusCode);
        var problem = await station.ReadJson();
        Assert.Equal("contractorId", problem.GetProperty("field").GetString());
        Assert.Contains("乐东方案 一、（三）运行机制", problem.GetProperty("detail").GetString());

        // As a party to a cycle's agreements.
        var cycle = await ledongBureau.PostJson("/api/v1/programme-cycles", new { countyCode = "469027", profileKey = "hainan-ledong", buyerName = "乐东黎族自治县民政局", contractorId = company, startDate = "2026-01-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Contains("市场监管部门", (await cycle.ReadJson()).GetProperty("detail").GetString());
        var ok = await AgreementTestData.Cycle(ledongBureau, new { countyCode = "469027", profileKey = "hainan-ledong", buyerName = "乐东黎族自治县民政局", contractorId = ngo, startDate = "2026-01-01" });
        Assert.Equal(3, ok.GetProperty("years").GetInt32());

        // The same company under Hunan's profile (no such rule) is let in.
        Assert.Equal(HttpStatusCode.Created, (await ledongBureau.PostJson("/api/v1/programme-cycles", new { countyCode = "469027", profileKey = "hunan", buyerName = "乐东黎族自治县民政局", contractorId = company, startDate = "2026-01-01" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_countys_cycle_and_agreement_are_404(string db)
    {
        var app = TestApp.For(db);
        var ledongBureau = await EvaluationTestData.Account(app, "BureauOfficer", "469027");
        var ngo = await AgreementTestData.Contractor(ledongBureau, "469027", "socialGroup", "civilAffairs");
        var cycle = await AgreementTestData.Cycle(ledongBureau, new { countyCode = "469027", profileKey = "hainan-ledong", buyerName = "乐东黎族自治县民政局", contractorId = ngo, startDate = "2026-01-01" });
        var cycleId = cycle.GetProperty("id").GetString();
        var a = await (await ledongBureau.PostJson($"/api/v1/programme-cycles/{cycleId}/agreements", new { signedOn = "2026-01-05", termStart = "2026-01-05", termEnd = "2026-12-31", amount = 300000 })).ReadJson();
        var id = a.GetProperty("id").GetString();

        var qiongzhong = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.NotFound, (await qiongzhong.GetAsync($"/api/v1/programme-cycles/{cycleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qiongzhong.GetAsync($"/api/v1/agreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qiongzhong.PutJson($"/api/v1/agreements/{id}", new { signedOn = "2026-01-05", termStart = "2026-01-05", termEnd = "2026-12-31", amount = 1, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qiongzhong.PostJson($"/api/v1/programme-cycles/{cycleId}/agreements", new { signedOn = "2027-01-05", termStart = "2027-01-05", termEnd = "2027-12-31", amount = 1 })).StatusCode);
        var list = await qiongzhong.GetJson("/api/v1/programme-cycles?pageSize=500");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == cycleId);
        // Nor may it start a cycle in that county: 400 naming the field.
        await (await qiongzhong.PostJson("/api/v1/programme-cycles", new { countyCode = "469027", profileKey = "hainan-ledong", buyerName = "x", contractorId = ngo, startDate = "2026-01-01" })).AssertValidationProblem("countyCode");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_input_is_400_naming_the_field(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        await (await bureau.PostJson("/api/v1/programme-cycles", new { countyCode = "469030", profileKey = "hunan" })).AssertValidationProblem("startDate");
        await (await bureau.PostJson("/api/v1/programme-cycles", new { countyCode = "469030", profileKey = "hunan", startDate = "2026-01-01" })).AssertValidationProblem("contractorId");
        await (await bureau.PostJson("/api/v1/programme-cycles", new { countyCode = "469030100", profileKey = "hunan", startDate = "2026-01-01" })).AssertValidationProblem("countyCode");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "foundation", "civilAffairs");
        await (await bureau.PostJson("/api/v1/organisations", new { name = "x", kind = "contractor", regionCode = "469030", legalForm = "company" })).AssertValidationProblem("legalForm");
        var ledong = await EvaluationTestData.NewStation(app, "乐东县九所镇协议测试站" + AgreementTestData.Suffix(), "469027105", "hainan-ledong");
        await (await bureau.PostJson("/api/v1/programme-cycles", new { countyCode = "469030", profileKey = "hunan", contractorId = contractor, startDate = "2026-01-01", stationIds = new[] { ledong } }))
            .AssertValidationProblem("stationIds[0]");
        var cycle = await AgreementTestData.Cycle(bureau, new { countyCode = "469030", profileKey = "hunan", contractorId = contractor, startDate = "2026-01-01" });
        var url = $"/api/v1/programme-cycles/{cycle.GetProperty("id").GetString()}/agreements";
        await (await bureau.PostJson(url, new { termStart = "2026-01-01", termEnd = "2026-12-31", amount = 1 })).AssertValidationProblem("signedOn");
        await (await bureau.PostJson(url, new { signedOn = "2026-01-01", termStart = "2026-01-01", termEnd = "2026-12-31", amount = 1.234m })).AssertValidationProblem("amount");
        await (await bureau.PostJson(url, new { signedOn = "2026-01-01", termStart = "2026-01-01", termEnd = "2026-12-31", amount = 1, clauses = new[] { "nonsense" } })).AssertValidationProblem("clauses[0]");
        await (await bureau.PostJson(url, new { signedOn = "2026-01-01", termStart = "2026-03-01", termEnd = "2026-02-01", amount = 1 })).AssertValidationProblem("termEnd");
        var a = await (await bureau.PostJson(url, new { signedOn = "2026-01-01", termStart = "2026-01-01", termEnd = "2026-12-31", amount = 1 })).ReadJson();
        await (await bureau.PutJson($"/api/v1/agreements/{a.GetProperty("id").GetString()}", new { signedOn = "2026-01-01", termStart = "2026-01-01", termEnd = "2026-12-31", amount = 1 }))
            .AssertValidationProblem("version");
        await (await bureau.PutJson($"/api/v1/agreements/{a.GetProperty("id").GetString()}", new { signedOn = "2026-01-01", termStart = "2026-01-01", termEnd = "2026-12-31", amount = 1, filedOn = "2025-12-01", version = 1 }))
            .AssertValidationProblem("filedOn");
    }

    [Fact]
    public async Task The_writes_are_in_the_OpenAPI_document_with_examples_whose_fields_are_the_requests()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var (path, method) in new[] { ("/api/v1/programme-cycles", "post"), ("/api/v1/programme-cycles/{id}/agreements", "post"), ("/api/v1/agreements/{id}", "put") })
        {
            var json = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            var schema = json.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var r)) schema = schemas.GetProperty(r.GetString()!.Split('/')[^1]);
            var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.All(json.GetProperty("example").EnumerateObject(), f => Assert.Contains(f.Name, fields));
        }
        Assert.True(paths.GetProperty("/api/v1/programme-cycles").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/agreements/{id}").TryGetProperty("get", out _));
    }

    private static JsonElement Deadline(JsonElement agreement, string key) =>
        agreement.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("key").GetString() == key);
}
