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
        [Roles.SystemAdmin] = "admin", [Roles.Auditor] = "auditor", [Roles.BureauOfficer] = "bureau",
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
            var allowedRoles = Roles.All.Select(r => r.Name).Where(r => policies.All(p => Permissions.RolesFor[p].Contains(r))).ToHashSet();

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
                foreach (var (role, user) in AccountOfRole.Where(r => allowedRoles.Contains(r.Key) && r.Key is not (Roles.SystemAdmin or Roles.Auditor)))
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
        var headWorker = (await (await app.ClientFor("head")).GetJson("/api/v1/workers")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var outsideWorker = await Workers.WorkerTestData.Create(admin, Workers.WorkerTestData.Worker(outside.GetProperty("id").GetString()!, "乐东社工"));
        var insideVisit = await Visits.VisitApiTests.AddVisitDirect(app, Guid.Parse(headStation), insideRecipient);
        var outsideVisit = await Visits.VisitApiTests.AddVisitDirect(app, outsideStation, outsideRecipient);
        return new Dictionary<string, Samples>
        {
            ["visits.id"] = new(insideVisit.ToString(), outsideVisit.ToString()),
            ["stations.id"] = new(headStation, outside.GetProperty("id").GetString()),
            ["workers.id"] = new(headWorker, outsideWorker),
            ["accounts.id"] = new(adminId, null),
            ["regions.code"] = new("469030", null),
            ["profiles.key"] = new("hainan-qiongzhong", null),
            ["recipients.id"] = new(insideRecipient.ToString(), outsideRecipient.ToString()),
            ["recipient-imports.id"] = new(insideImport.ToString(), outsideImport.ToString()),
        };
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
