using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Authorization;

/// <summary>
/// Discovers every API endpoint from the running app and calls it as anonymous, as every role, and
/// with a record inside, outside and without any scope. A new endpoint joins automatically; one whose
/// route parameter has no sample below makes this test fail until a sample is added.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    public static TheoryData<string> Providers => Db.Providers;

    /// <summary>Demo account per role; each has the demo 营根镇 station inside its scope.</summary>
    private static readonly Dictionary<string, string> AccountOfRole = new()
    {
        [Roles.SystemAdmin] = "admin", [Roles.SecurityAdmin] = "security", [Roles.Auditor] = "auditor", [Roles.BureauOfficer] = "bureau",
        [Roles.TownshipOfficer] = "township", [Roles.ContractorManager] = "manager", [Roles.StationHead] = "head",
        [Roles.SocialWorker] = "worker", [Roles.VillageWorker] = "village", [Roles.Evaluator] = "evaluator", [Roles.Supervisor] = "supervisor",
    };

    private sealed record Samples(string Inside, string? Outside);

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_endpoint_answers_by_role_and_scope(string db)
    {
        var app = TestApp.For(db);
        var samples = await PrepareSamples(app);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Endpoint: e, Method: m)))
            .ToList();
        Assert.True(endpoints.Count >= 15, $"endpoints discovered: {endpoints.Count}");
        var failures = new List<string>();
        var noScope = await NoScopeClient(app);

        foreach (var (endpoint, method) in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var resource = pattern.RawText!.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
            var allowAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            // The permission table, narrowed for the three administrators to their own areas (三员分立).
            var allowedRoles = Roles.All.Select(r => r.Name).Where(r => policies.All(p => Permissions.RolesFor[p].Contains(r)) && AdministratorAreas.AllowsApi(r, resource)).ToHashSet();

            string? Url(Func<Samples, string?> pick)
            {
                var url = pattern.RawText!;
                foreach (var p in pattern.Parameters)
                {
                    var key = resource + "." + p.Name;
                    if (!samples.TryGetValue(key, out var s))
                    {
                        failures.Add($"{method} {pattern.RawText}: no sample for route parameter '{p.Name}' — add \"{key}\" to PrepareSamples");
                        return null;
                    }
                    var value = pick(s);
                    if (value is null) return null;
                    url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + p.Name + "(:[^}]*)?\\}", value);
                }
                return url;
            }

            var inside = Url(s => s.Inside);
            if (inside is null) continue;
            if (allowAnonymous) continue; // login: checked by the account tests

            var anon = await Send(app.Anonymous(), method, inside);
            if (anon != HttpStatusCode.Unauthorized) failures.Add($"{method} {inside} anonymous: {anon}, expected 401");
            // Signing out ends every session of the account, the demo accounts' shared tokens included (SessionTests covers it).
            if (pattern.RawText!.EndsWith("/auth/logout", StringComparison.Ordinal)) continue;

            foreach (var (role, user) in AccountOfRole)
            {
                var status = await Send(await app.ClientFor(user), method, inside);
                if (allowedRoles.Contains(role))
                {
                    if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError)
                        failures.Add($"{method} {inside} as {role}: {status}, expected to be let in");
                }
                else if (status != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{method} {inside} as {role}: {status}, expected 403");
                }
            }

            var outside = pattern.Parameters.Count > 0 ? Url(s => s.Outside) : null;
            if (outside is not null)
            {
                foreach (var (role, user) in AccountOfRole.Where(r => allowedRoles.Contains(r.Key) && !Roles.IsAdministrator(r.Key)))
                {
                    var status = await Send(await app.ClientFor(user), method, outside);
                    if (status != HttpStatusCode.NotFound) failures.Add($"{method} {outside} as {role} (outside scope): {status}, expected 404");
                }
            }
            if (allowedRoles.Contains(Roles.SocialWorker) && pattern.Parameters.Count > 0 && samples[resource + "." + pattern.Parameters[0].Name].Outside is not null)
            {
                var status = await Send(noScope, method, inside);
                if (status != HttpStatusCode.NotFound) failures.Add($"{method} {inside} with no scope: {status}, expected 404");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_user_without_scope_sees_empty_lists(string db)
    {
        var client = await NoScopeClient(TestApp.For(db));
        var stations = await client.GetJson("/api/v1/stations");
        Assert.Equal(0, stations.GetProperty("total").GetInt32());
    }

    /// <summary>三员分立 in the matrix: no pair of administrator roles can be given, and the auditor reads nothing but the trail.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task No_account_holds_two_administrator_roles_and_the_auditor_reads_only_the_trail(string db)
    {
        var app = TestApp.For(db);
        var security = await app.ClientFor("security");
        foreach (var a in Roles.Administrators)
        {
            foreach (var b in Roles.All.Select(r => r.Name).Where(r => r != a))
            {
                var response = await security.PostJson("/api/v1/accounts", new { userName = "m" + Guid.NewGuid().ToString("N")[..10], displayName = "矩阵", password = "Strong#Pass2026", roles = new[] { a, b }, scopeRegionCode = "469030" });
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{a}+{b}: {(int)response.StatusCode}");
            }
        }
        var auditor = await app.ClientFor("auditor");
        var gets = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Count == 0
                && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
                && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText!).Distinct().ToList();
        Assert.True(gets.Count > 20, $"GET endpoints found: {gets.Count}");
        foreach (var url in gets)
        {
            var status = (await auditor.GetAsync(url)).StatusCode;
            var ownArea = url.StartsWith("/api/v1/audit", StringComparison.Ordinal) || url.StartsWith("/api/v1/auth", StringComparison.Ordinal);
            Assert.True(ownArea ? status != HttpStatusCode.Forbidden : status == HttpStatusCode.Forbidden, $"auditor GET {url}: {status}");
        }
    }

    private static async Task<HttpStatusCode> Send(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }
        return (await client.SendAsync(request)).StatusCode;
    }

    private static async Task<Dictionary<string, Samples>> PrepareSamples(TestApp app)
    {
        var admin = await app.ClientFor("admin");
        var headStation = (await (await app.ClientFor("head")).GetJson("/api/v1/stations?kind=station")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var outside = await (await admin.PostJson("/api/v1/stations", new { name = "海南省乐东黎族自治县九所镇社会工作服务站", kind = "station", regionCode = "469027105", profileKey = "hainan-ledong" })).ReadJson();
        var adminId = (await admin.GetJson("/api/v1/auth/me")).GetProperty("id").GetString()!;
        var outsideStation = Guid.Parse(outside.GetProperty("id").GetString()!);
        var insideRecipient = await Recipients.RecipientFixtures.AddDirect(app, Guid.Parse(headStation), "矩阵内");
        var outsideRecipient = await Recipients.RecipientFixtures.AddDirect(app, outsideStation, "矩阵外");
        var insideImport = await Recipients.RecipientFixtures.AddImportDirect(app, Guid.Parse(headStation));
        var outsideImport = await Recipients.RecipientFixtures.AddImportDirect(app, outsideStation);
        var services = await ServiceSamples(app, headStation, Guid.Parse(outside.GetProperty("id").GetString()!));
        var headWorker = (await (await app.ClientFor("head")).GetJson("/api/v1/workers")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var outsideWorker = await Workers.WorkerTestData.Create(admin, Workers.WorkerTestData.Worker(outside.GetProperty("id").GetString()!, "乐东社工"));
        var insideVisit = await Visits.VisitApiTests.AddVisitDirect(app, Guid.Parse(headStation), insideRecipient);
        var outsideVisit = await Visits.VisitApiTests.AddVisitDirect(app, outsideStation, outsideRecipient);
        var insideCase = await Cases.CaseApiTests.AddCaseDirect(app, Guid.Parse(headStation), insideRecipient);
        var outsideCase = await Cases.CaseApiTests.AddCaseDirect(app, outsideStation, outsideRecipient);
        var check = await ContractorCheckSamples(app, headStation, outsideStation);
        // Cycles: inside in Qiongzhong with the demo contractor (the demo manager's organisation), outside in Ledong with another contractor.
        var demoContractor = await app.WithDb(d => d.Organisations.Where(o => o.Kind == Features.Organisations.OrganisationKind.Contractor && o.Name.Contains("演示")).Select(o => o.Id).FirstAsync());
        var ledongContractor = await app.WithDb(async d =>
        {
            var o = new Features.Organisations.Organisation { Name = "矩阵乐东承接机构" + Guid.NewGuid().ToString("N")[..6], Kind = Features.Organisations.OrganisationKind.Contractor, RegionCode = "469027" };
            d.Organisations.Add(o);
            await d.SaveChangesAsync();
            return o.Id;
        });
        var insideCycle = await Agreements.AgreementTestData.AddDirect(app, Guid.Parse(headStation), "469030", "hainan-qiongzhong", demoContractor);
        var outsideCycle = await Agreements.AgreementTestData.AddDirect(app, outsideStation, "469027", "hainan-ledong", ledongContractor);
        var insideBudget = await Budgets.BudgetTestData.AddDirect(app, insideCycle.Agreement, Guid.Parse(headStation));
        // Hand-overs: inside, the demo contractor took the demo station over from another (so the demo manager keeps it); outside, in Ledong.
        var insideHandover = await Agreements.HandoverTestData.AddDirect(app, Guid.Parse(headStation), ledongContractor, demoContractor);
        var outsideHandover = await Agreements.HandoverTestData.AddDirect(app, outsideStation, ledongContractor, demoContractor);
        var outsideBudget = await Budgets.BudgetTestData.AddDirect(app, outsideCycle.Agreement, outsideStation);
        var insideArchive = await Archives.ArchiveTestData.AddDirect(app, Guid.Parse(headStation));
        var outsideArchive = await Archives.ArchiveTestData.AddDirect(app, outsideStation);
        var insideAsset = await Assets.AssetApiTests.AddDirect(app, Guid.Parse(headStation));
        var outsideAsset = await Assets.AssetApiTests.AddDirect(app, outsideStation);
        return new Dictionary<string, Samples>(services)
        {
            ["budgets.id"] = new(insideBudget.Budget.ToString(), outsideBudget.Budget.ToString()),
            ["spending.id"] = new(insideBudget.Spending.ToString(), outsideBudget.Spending.ToString()),
            ["handovers.id"] = new(insideHandover.ToString(), outsideHandover.ToString()),
            ["implementation-plans.id"] = new((await Agreements.PlanTestData.AddDirect(app, "469030", Random.Shared.Next(1000, 9999))).ToString(), (await Agreements.PlanTestData.AddDirect(app, "469027", Random.Shared.Next(1000, 9999))).ToString()),
            ["archives.id"] = new(insideArchive.Archive.ToString(), outsideArchive.Archive.ToString()),
            ["archives.loanId"] = new(insideArchive.Loan.ToString(), outsideArchive.Loan.ToString()),
            ["assets.id"] = new(insideAsset.ToString(), outsideAsset.ToString()),
            ["asset-checks.id"] = new((await Assets.AssetApiTests.AddCheckDirect(app, Guid.Parse(headStation), insideAsset)).ToString(),
                (await Assets.AssetApiTests.AddCheckDirect(app, outsideStation, outsideAsset)).ToString()),
            ["contractor-checks.id"] = check,
            ["reports.id"] = new((await Reports.ReportTestData.AddDirect(app, Guid.Parse(headStation), "469030100", "2019-01", "hainan-qiongzhong")).ToString(),
                (await Reports.ReportTestData.AddDirect(app, outsideStation, "469027105", "2019-01")).ToString()),
            ["cases.id"] = new(insideCase.ToString(), outsideCase.ToString()),
            ["groups.id"] = new((await Groups.GroupApiTests.AddGroupDirect(app, Guid.Parse(headStation))).ToString(), (await Groups.GroupApiTests.AddGroupDirect(app, outsideStation)).ToString()),
            ["visits.id"] = new(insideVisit.ToString(), outsideVisit.ToString()),
            ["stations.id"] = new(headStation, outside.GetProperty("id").GetString()),
            ["workers.id"] = new(headWorker, outsideWorker),
            ["accounts.id"] = new(adminId, null),
            ["regions.code"] = new("469030", null),
            ["profiles.key"] = new("hainan-qiongzhong", null),
            ["recipients.id"] = new(insideRecipient.ToString(), outsideRecipient.ToString()),
            ["recipient-imports.id"] = new(insideImport.ToString(), outsideImport.ToString()),
            // Inside: a round the head's station scores in too (as in a self-evaluation), so every scoring role is one of its parties.
            ["evaluation-rounds.id"] = new((await Evaluations.EvaluationTestData.AddRoundDirect(app, Guid.Parse(headStation), "469030100", "hainan-qiongzhong",
                    parties: "evaluator,bureau,township,station")).ToString(),
                (await Evaluations.EvaluationTestData.AddRoundDirect(app, outsideStation, "469027105", "hainan-ledong")).ToString()),
            ["evaluation-rounds.stationId"] = new(headStation, outsideStation.ToString()),
            ["rectifications.id"] = new((await Evaluations.EvaluationTestData.AddRectificationDirect(app, Guid.Parse(headStation), "469030100", "hainan-qiongzhong")).ToString(),
                (await Evaluations.EvaluationTestData.AddRectificationDirect(app, outsideStation, "469027105", "hainan-ledong")).ToString()),
            ["programme-cycles.id"] = new(insideCycle.Cycle.ToString(), outsideCycle.Cycle.ToString()),
            ["agreements.id"] = new(insideCycle.Agreement.ToString(), outsideCycle.Agreement.ToString()),
            ["incidents.id"] = new((await Incidents.IncidentTestData.AddDirect(app, Guid.Parse(headStation))).ToString(), (await Incidents.IncidentTestData.AddDirect(app, outsideStation)).ToString()),
            ["complaints.id"] = new((await Complaints.ComplaintTestData.AddDirect(app, Guid.Parse(headStation))).ToString(), (await Complaints.ComplaintTestData.AddDirect(app, outsideStation)).ToString()),
            ["evaluation-trees.id"] = new(await app.WithDb(async d => (await d.Set<Features.Evaluations.EvaluationTree>().FirstAsync(t => t.CountyCode == "469030")).Id.ToString()),
                await app.WithDb(async d => (await d.Set<Features.Evaluations.EvaluationTree>().FirstAsync(t => t.CountyCode == "469027")).Id.ToString())),
        };
    }

    /// <summary>
    /// Service records (issue 5A): inside ones made through the API by the station head, outside ones written
    /// straight to the database in a Ledong station that no demo account but the administrators can reach.
    /// </summary>
    private static async Task<Dictionary<string, Samples>> ServiceSamples(TestApp app, string headStation, Guid outsideStation)
    {
        var head = await app.ClientFor("head");
        async Task<string> Post(string url, object body)
        {
            var response = await head.PostJson(url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (await response.ReadJson()).GetProperty("id").GetString()!;
        }
        var idNumber = "460036199001011" + Random.Shared.Next(10, 99);
        idNumber += Domain.IdNumbers.IdNumber.CheckChar(idNumber);
        var activity = await Post("/api/v1/activities", new { date = "2026-03-01", place = "p", theme = "矩阵活动", kinds = new[] { "other" }, workers = new[] { "w" }, participantCount = 10 });
        var volunteer = await Post("/api/v1/volunteers", new { name = "矩阵", idNumber, registeredOn = "2026-01-01" });
        var team = await Post("/api/v1/volunteer-teams", new { name = "矩阵队", foundedOn = "2026-01-01" });
        var service = await Post("/api/v1/volunteer-services", new { volunteerId = volunteer, date = "2026-03-01", hours = 1, content = "c" });
        var proof = await Post($"/api/v1/volunteers/{volunteer}/proofs", new { personInCharge = "黄站长", contact = "0898" });
        var award = (await (await head.PostJson($"/api/v1/volunteers/{volunteer}/awards", new { date = "2026-03-01", name = "矩阵表彰", grantor = "矩阵" })).ReadJson())
            .GetProperty("awards")[0].GetProperty("id").GetString()!;
        var resource = await Post("/api/v1/resources", new { donorName = "d", donorKind = "other", kind = "services", description = "x", receivedOn = "2026-01-01" });
        var village = (await head.GetJson("/api/v1/regions/469030100/children"))[0].GetProperty("code").GetString();
        var survey = await Post("/api/v1/needs-surveys", new { villageCode = village, title = "t", conductedOn = "2026-01-01" });
        var featured = await Post("/api/v1/featured-cases", new { title = "t", writtenOn = "2026-01-01", authors = "a", body = "b" });
        using var form = new MultipartFormDataContent
        {
            { new StringContent("activity"), "ownerType" }, { new StringContent(activity), "ownerId" },
            { new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "m.pdf" },
        };
        var attachment = (await (await head.PostAsync("/api/v1/attachments", form)).ReadJson()).GetProperty("id").GetString()!;

        var outside = await app.WithDb(async db =>
        {
            var a = new Features.Activities.Activity { StationId = outsideStation, Date = new DateOnly(2026, 3, 1), Place = "p", Theme = "t" };
            var v = new Features.Volunteers.Volunteer { StationId = outsideStation, Name = "外", IdNumber = "X" + Guid.NewGuid().ToString("N")[..10], RegisteredOn = new DateOnly(2026, 1, 1) };
            var t = new Features.Volunteers.VolunteerTeam { StationId = outsideStation, Name = "外队", FoundedOn = new DateOnly(2026, 1, 1) };
            var s = new Features.Volunteers.VolunteerService { StationId = outsideStation, VolunteerId = v.Id, Date = new DateOnly(2026, 3, 1), Minutes = 60, Content = "c" };
            var p = new Features.Volunteers.VolunteerProof { StationId = outsideStation, VolunteerId = v.Id, Number = "outside-" + Guid.NewGuid().ToString("N")[..8], Content = "c", Issuer = "i", PersonInCharge = "p", Contact = "c" };
            var va = new Features.Volunteers.VolunteerAward { Date = new DateOnly(2026, 3, 1), Name = "外", Grantor = "外" };
            v.Awards.Add(va);
            var r = new Features.Resources.Resource { StationId = outsideStation, DonorName = "d", Description = "x", Kind = Features.Resources.ResourceKind.Services };
            var n = new Features.NeedsSurveys.NeedsSurvey { StationId = outsideStation, VillageCode = "469027106200", Title = "t" };
            var f = new Features.FeaturedCases.FeaturedCase { StationId = outsideStation, Title = "t", Authors = "a", Body = "b" };
            var at = new Features.Attachments.Attachment { OwnerType = "activity", OwnerId = a.Id, StationId = outsideStation, FileName = "x.pdf", ContentType = "application/pdf", Sha256 = "0", StorageKey = "none" };
            db.AddRange(a, v, t, s, p, r, n, f, at);
            await db.SaveChangesAsync();
            return (a.Id, v.Id, t.Id, s.Id, p.Id, r.Id, n.Id, f.Id, at.Id, va.Id);
        });
        return new Dictionary<string, Samples>
        {
            ["activities.id"] = new(activity, outside.Item1.ToString()),
            ["volunteers.id"] = new(volunteer, outside.Item2.ToString()),
            ["volunteers.proofId"] = new(proof, outside.Item5.ToString()),
            // Both parts' DELETE routes name their entry entryId; the award's samples serve them both (removing is idempotent).
            ["volunteers.entryId"] = new(award, outside.Item10.ToString()),
            ["volunteer-teams.id"] = new(team, outside.Item3.ToString()),
            ["volunteer-services.id"] = new(service, outside.Item4.ToString()),
            ["resources.id"] = new(resource, outside.Item6.ToString()),
            ["needs-surveys.id"] = new(survey, outside.Item7.ToString()),
            ["featured-cases.id"] = new(featured, outside.Item8.ToString()),
            ["attachments.id"] = new(attachment, outside.Item9.ToString()),
        };
    }

    /// <summary>A check the project manager records at the head's station, and one written straight to the database in Ledong.</summary>
    private static async Task<Samples> ContractorCheckSamples(TestApp app, string headStation, Guid outsideStation)
    {
        var response = await (await app.ClientFor("manager")).PostJson("/api/v1/contractor-checks",
            new { stationId = headStation, checkedOn = "2026-03-01", checkedBy = "陈经理", findings = "矩阵检查" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"contractor-checks: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var outside = await app.WithDb(async db =>
        {
            var c = new Features.ContractorChecks.ContractorCheck { StationId = outsideStation, CheckedOn = new DateOnly(2026, 3, 1), CheckedBy = "外", Findings = "f" };
            db.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        return new Samples((await response.ReadJson()).GetProperty("id").GetString()!, outside.ToString());
    }

    /// <summary>A social worker whose scope was never set (made directly in the database, as a legacy account would be).</summary>
    private static async Task<HttpClient> NoScopeClient(TestApp app)
    {
        var userName = "noscope" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "无范围", LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, "Strong#Pass2026")).Succeeded);
            await users.AddToRoleAsync(user, Roles.SocialWorker);
        }
        return await app.ClientFor(userName, "Strong#Pass2026");
    }
}
