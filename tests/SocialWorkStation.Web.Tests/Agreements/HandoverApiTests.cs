using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Tests.Budgets;
using SocialWorkStation.Web.Tests.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Recipients;

namespace SocialWorkStation.Web.Tests.Agreements;

/// <summary>Hand-over of a station between contractors (docs/requirements/agreements.md §12), on both databases.</summary>
public sealed class HandoverApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Theory, MemberData(nameof(Providers))]
    public async Task A_station_with_500_recipients_and_open_cases_moves_to_the_new_contractor_in_one_step_and_the_old_one_loses_it(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var oldOrg = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs", "移交方社工中心");
        var newOrg = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs", "接收方社工中心");
        var thirdOrg = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs", "第三方社工中心");
        var station = await EvaluationTestData.NewStation(app, "交接测试站" + AgreementTestData.Suffix(), "469030103", "hainan-qiongzhong");
        var stationId = Guid.Parse(station);
        await app.WithDb(async d =>
        {
            (await d.Platforms.FirstAsync(p => p.Id == stationId)).ContractorId = Guid.Parse(oldOrg);
            return await d.SaveChangesAsync();
        });
        var agreement = await BudgetTestData.Agreement(bureau, "hainan-qiongzhong", oldOrg, station); // signed 2026-01-05, term from that day
        var (recipients, cases) = await Fill(app, stationId, 500, 20);

        var oldManager = await Manager(app, oldOrg, region: "469030");
        var oldStationAccount = await Manager(app, oldOrg, station: station);
        var newManager = await Manager(app, newOrg, region: "469030");
        var thirdManager = await Manager(app, thirdOrg, region: "469030");
        Assert.Equal(HttpStatusCode.OK, (await oldManager.GetAsync($"/api/v1/stations/{station}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await oldStationAccount.GetAsync($"/api/v1/recipients/{recipients[0]}")).StatusCode);
        var before = await Counts(app, stationId);

        var version = (await bureau.GetJson($"/api/v1/stations/{station}")).GetProperty("version").GetInt32();
        var url = $"/api/v1/stations/{station}/handovers";
        // Refused, naming the field: the same organisation, a day before the outgoing agreement, a day not yet come; stale: 409.
        await Refused(bureau, url, new { incomingOrganisationId = oldOrg, handoverDay = D(app.Today), version }, "incomingOrganisationId");
        await Refused(bureau, url, new { incomingOrganisationId = newOrg, handoverDay = "2026-01-04", version }, "handoverDay", "2026-01-05");
        await Refused(bureau, url, new { incomingOrganisationId = newOrg, handoverDay = D(app.Today.AddDays(1)), version }, "handoverDay");
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostJson(url, new { incomingOrganisationId = newOrg, handoverDay = D(app.Today), version = version - 1 })).StatusCode);
        var missing = await bureau.PostJson(url, new { handoverDay = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingText = await missing.Content.ReadAsStringAsync();
        Assert.Contains("incomingOrganisationId", missingText);
        Assert.Contains("handoverDay", missingText);
        // The contractor manager may not hand over (403); another county's bureau does not find the station (404).
        Assert.Equal(HttpStatusCode.Forbidden, (await oldManager.PostJson(url, new { incomingOrganisationId = newOrg, handoverDay = D(app.Today), version })).StatusCode);
        var ledongBureau = await EvaluationTestData.Account(app, "BureauOfficer", "469027");
        Assert.Equal(HttpStatusCode.NotFound, (await ledongBureau.PostJson(url, new { incomingOrganisationId = newOrg, handoverDay = D(app.Today), version })).StatusCode);

        var response = await bureau.PostJson(url, new { incomingOrganisationId = newOrg, handoverDay = D(app.Today.AddDays(-3)), version, note = "档案室钥匙已移交" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var handover = await response.ReadJson();
        var id = handover.GetProperty("id").GetString();
        Assert.Equal(oldOrg, handover.GetProperty("outgoingOrganisationId").GetString());
        Assert.Equal(agreement, handover.GetProperty("outgoingAgreementId").GetString());
        var items = handover.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal(500, items["recipients"].GetProperty("count").GetInt32());
        Assert.Equal(20, items["openCases"].GetProperty("count").GetInt32()); // the closed one is not listed
        Assert.Equal(cases.Order(), items["openCases"].GetProperty("ids").EnumerateArray().Select(x => Guid.Parse(x.GetString()!)).Order());

        // Nothing copied or lost: every row is where it was, with whoever made it.
        Assert.Equal(before, await Counts(app, stationId));
        Assert.Equal(newOrg, await app.WithDb(async d => (await d.Platforms.FirstAsync(p => p.Id == stationId)).ContractorId.ToString()));
        Assert.True(await app.WithDb(d => d.AuditEntries.AnyAsync(a => a.Action == "handover" && a.EntityId == station)));

        // The outgoing contractor's accounts: 404 on the station and its records; the incoming one's: 200.
        Assert.Equal(HttpStatusCode.NotFound, (await oldManager.GetAsync($"/api/v1/stations/{station}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await oldManager.GetAsync($"/api/v1/recipients/{recipients[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await oldStationAccount.GetAsync($"/api/v1/recipients/{recipients[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await oldManager.GetAsync($"/api/v1/cases/{cases[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newManager.GetAsync($"/api/v1/stations/{station}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newManager.GetAsync($"/api/v1/recipients/{recipients[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/v1/recipients/{recipients[0]}")).StatusCode);

        // The list: the bureau and both contractors' managers read and download it; another contractor does not.
        foreach (var client in new[] { bureau, oldManager, newManager })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/handovers/{id}")).StatusCode);
            Assert.Single((await client.GetJson($"/api/v1/stations/{station}/handovers")).EnumerateArray());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await thirdManager.GetAsync($"/api/v1/handovers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await thirdManager.GetAsync($"/api/v1/handovers/{id}/list.xlsx")).StatusCode);
        var xlsx = await oldManager.GetAsync($"/api/v1/handovers/{id}/list.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var detail = stream.Query(useHeaderRow: true, sheetName: "明细").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(500, detail.Count(r => (string)r["类别"] == "服务对象"));
        Assert.Contains(detail, r => (string)r["记录编号"] == recipients[0].ToString());
        stream.Position = 0;
        var summary = stream.Query(useHeaderRow: true, sheetName: "概况").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(summary, r => (string)r["项目"] == "交接日" && (string)r["内容"] == D(app.Today.AddDays(-3)));

        // Handing it back later: the first contractor sees the station again.
        var back = await bureau.PostJson(url, new { incomingOrganisationId = oldOrg, handoverDay = D(app.Today), version = version + 1 });
        Assert.True(back.StatusCode == HttpStatusCode.Created, await back.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await oldManager.GetAsync($"/api/v1/stations/{station}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await newManager.GetAsync($"/api/v1/stations/{station}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ledong_refuses_handing_a_station_to_a_company_naming_the_clause(string db)
    {
        var app = TestApp.For(db);
        var ledong = await EvaluationTestData.Account(app, "BureauOfficer", "469027");
        var current = await AgreementTestData.Contractor(ledong, "469027", "socialServiceOrganisation", "civilAffairs");
        var company = await AgreementTestData.Contractor(ledong, "469027", "enterprise", "marketRegulation", "某某科技有限公司");
        var station = await EvaluationTestData.NewStation(app, "乐东交接站" + AgreementTestData.Suffix(), "469027105", "hainan-ledong");
        await app.WithDb(async d =>
        {
            (await d.Platforms.FirstAsync(p => p.Id == Guid.Parse(station))).ContractorId = Guid.Parse(current);
            return await d.SaveChangesAsync();
        });
        var version = (await ledong.GetJson($"/api/v1/stations/{station}")).GetProperty("version").GetInt32();
        var problem = await Refused(ledong, $"/api/v1/stations/{station}/handovers", new { incomingOrganisationId = company, handoverDay = D(app.Today), version }, "incomingOrganisationId");
        Assert.Contains("一、（三）", problem);
        Assert.Equal(current, await app.WithDb(async d => (await d.Platforms.FirstAsync(p => p.Id == Guid.Parse(station))).ContractorId.ToString()));
        Assert.Empty(await app.WithDb(d => d.Set<StationHandover>().Where(h => h.StationId == Guid.Parse(station)).ToListAsync()));
    }

    private static async Task<string> Refused(HttpClient client, string url, object body, string field, string? contains = null)
    {
        var response = await client.PostJson(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {text}");
        var json = await response.ReadJson();
        Assert.Equal(field, json.GetProperty("field").GetString());
        if (contains is not null) Assert.Contains(contains, json.GetProperty("detail").GetString());
        return json.GetProperty("detail").GetString()!;
    }

    /// <summary>A contractor manager of the organisation, scoped to a region or to one station.</summary>
    private static async Task<HttpClient> Manager(TestApp app, string organisation, string? region = null, string? station = null)
    {
        var security = await app.ClientFor("security");
        var userName = "ho" + Guid.NewGuid().ToString("N")[..10];
        var response = await security.PostJson("/api/v1/accounts", new
        {
            userName, displayName = "交接测试", password = TestApp.Password, roles = new[] { "ContractorManager" },
            scopeRegionCode = region, scopeStationId = station, organisationId = organisation,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await app.ClientFor(userName);
    }

    /// <summary>Recipients and cases (open ones and one closed) written straight to the database.</summary>
    private static async Task<(List<Guid> Recipients, List<Guid> OpenCases)> Fill(TestApp app, Guid station, int recipients, int openCases)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<RecipientProtector>();
        var rows = new List<Recipient>();
        for (var i = 0; i < recipients; i++)
        {
            var r = new Recipient { StationId = station, CreatedAt = app.Clock.GetUtcNow().UtcDateTime, RegisteredOn = new DateOnly(2026, 1, 1) };
            RecipientFields.SetName(r, "交接对象" + i);
            RecipientFields.SetIdentity(r, IdNumber.TryParse(RecipientFixtures.NewId(), out _)!, protector);
            rows.Add(r);
        }
        db.Recipients.AddRange(rows);
        var worker = new Features.Workers.Worker
        {
            PlatformId = station, Name = "交接社工", IdNumber = RecipientFixtures.NewId(new DateOnly(1990, 1, 1)), BirthDate = new DateOnly(1990, 1, 1), HireDate = new DateOnly(2025, 1, 1),
        };
        db.Add(worker);
        var open = new List<Guid>();
        for (var i = 0; i <= openCases; i++)
        {
            var c = new Case
            {
                StationId = station, RecipientId = rows[i].Id, WorkerId = worker.Id, OpenedOn = new DateOnly(2026, 3, 1), Stage = i == openCases ? CaseStage.Closed : CaseStage.Intervention,
                StageSince = new DateOnly(2026, 3, 1), CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Add(c);
            if (i < openCases) open.Add(c.Id);
        }
        await db.SaveChangesAsync();
        return (rows.Select(r => r.Id).ToList(), open);
    }

    /// <summary>The station's rows of each kind.</summary>
    private static Task<string> Counts(TestApp app, Guid station) => app.WithDb(async d => string.Join(",",
        await d.Recipients.CountAsync(r => r.StationId == station), await d.Cases.CountAsync(c => c.StationId == station),
        await d.Volunteers.CountAsync(v => v.StationId == station), await d.Attachments.CountAsync(a => a.StationId == station),
        await d.Cases.CountAsync(c => c.StationId == station && c.Stage != CaseStage.Closed)));
}

/// <summary>The hand-over on the agreement page (the same handler as the API), and its OpenAPI example.</summary>
public sealed class HandoverPageTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_bureau_hands_a_station_over_from_the_agreement_page_and_downloads_the_list(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var oldOrg = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs", "页面移交方");
        var newOrg = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs", "页面接收方");
        var name = "页面交接站" + AgreementTestData.Suffix();
        var station = await EvaluationTestData.NewStation(app, name, "469030103", "hainan-qiongzhong");
        await app.WithDb(async d =>
        {
            (await d.Platforms.FirstAsync(p => p.Id == Guid.Parse(station))).ContractorId = Guid.Parse(oldOrg);
            return await d.SaveChangesAsync();
        });
        var agreement = await Budgets.BudgetTestData.Agreement(bureau, "hainan-qiongzhong", oldOrg, station);
        var version = (await bureau.GetJson($"/api/v1/stations/{station}")).GetProperty("version").GetInt32();

        var browser = await app.BrowserFor("bureau");
        var url = $"/Agreements/Agreement/{agreement}";
        var html = await browser.GetStringAsync(url);
        Assert.Contains("办理交接", html);
        Assert.Contains(name, html);
        Dictionary<string, string> Form(string page, string incoming) => new()
        {
            ["__RequestVerificationToken"] = TestApp.FormToken(page), ["Handover.StationId"] = station, ["Handover.Version"] = version.ToString(),
            ["Handover.IncomingOrganisationId"] = incoming, ["Handover.HandoverDay"] = app.Today.ToString("yyyy-MM-dd"),
        };
        // The same organisation: the page says why, nothing changes.
        var same = await browser.PostAsync(url + "?handler=Handover", new FormUrlEncodedContent(Form(html, oldOrg)));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var sameHtml = await same.Content.ReadAsStringAsync();
        Assert.Contains("无需交接", sameHtml);
        var done = await browser.PostAsync(url + "?handler=Handover", new FormUrlEncodedContent(Form(sameHtml, newOrg)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await browser.GetStringAsync(url);
        Assert.Contains("下载交接清单", after);
        Assert.Contains("页面接收方", after);
        Assert.Equal(newOrg, await app.WithDb(async d => (await d.Platforms.FirstAsync(p => p.Id == Guid.Parse(station))).ContractorId.ToString()));
    }

    [Fact]
    public async Task The_hand_over_is_in_the_OpenAPI_document_with_an_example_whose_fields_are_the_request()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var json = paths.GetProperty("/api/v1/stations/{id}/handovers").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        var schema = json.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var r)) schema = schemas.GetProperty(r.GetString()!.Split('/')[^1]);
        var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(json.GetProperty("example").EnumerateObject(), f => Assert.Contains(f.Name, fields));
        Assert.True(paths.GetProperty("/api/v1/handovers/{id}/list.xlsx").TryGetProperty("get", out _));
    }
}
