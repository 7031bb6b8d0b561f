using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialWorkStation.Web.Tests.Security;

/// <summary>
/// Walks /openapi/v1.json and sends every operation hostile variants of every field (docs/security.md
/// "Hostile input"). Fails on any 5xx, and on any refused (4xx) request that changed a row. Fixed seed and a
/// bounded count per operation (SWS_FUZZ_PER_OPERATION, default 40), on a platform of its own so that
/// every row change is the fuzzer's.
/// </summary>
public sealed class HostileInputFuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Providers => Db.Providers;
    private const int Seed = 20261202;
    private static readonly string[] Identities = ["head", "bureau", "admin", "auditor", "manager", "supervisor", "evaluator"];
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_operation_refuses_hostile_input_without_a_server_error_or_a_changed_row(string db)
    {
        var perOperation = int.TryParse(Environment.GetEnvironmentVariable("SWS_FUZZ_PER_OPERATION"), out var n) ? n : 40;
        using var app = TestApp.Isolated(db);
        var random = new Random(Seed);
        var anonymous = app.Anonymous();
        var doc = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var components = doc.TryGetProperty("components", out var c) ? c : default;
        var clients = new Dictionary<string, HttpClient>();
        foreach (var who in Identities) clients[who] = await app.ClientFor(who);
        var counter = new RowCounter(app);
        var (requests, serverErrors, changedRows) = (0, new List<string>(), new List<string>());
        var ops = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => (Path: p.Name, Method: m.Name, Op: m.Value)))
            // Changing one's own password or signing out would end the fuzzer's sessions; accounts go last.
            .Where(o => !o.Path.Contains("/auth/", StringComparison.Ordinal) || o.Path.EndsWith("/auth/login", StringComparison.Ordinal) || o.Path.EndsWith("/auth/refresh", StringComparison.Ordinal))
            .OrderBy(o => o.Path.Contains("/accounts", StringComparison.Ordinal)).ThenBy(o => o.Path).ThenBy(o => o.Method)
            .ToList();
        foreach (var (path, method, op) in ops)
        {
            var bodyKind = BodyKind(op, components, out var example);
            if (path.EndsWith("/auth/login", StringComparison.Ordinal) && example is JsonObject login) login["userName"] = "fuzz-nobody";
            var (client, url) = await Choose(clients, path, method, bodyKind, example);
            var variants = new List<(string What, string Url, HostileBody? Body)>();
            if (bodyKind == "json" && example is not null)
            {
                variants.AddRange(HostileVariants.JsonBodies(example).Select(b => (b.What, url, (HostileBody?)b)));
            }
            else if (bodyKind == "multipart")
            {
                variants.AddRange(HostileVariants.MultipartBodies().Select(b => (b.What, url, (HostileBody?)b)));
            }
            else if (bodyKind == "raw")
            {
                variants.AddRange(HostileVariants.RawBodies().Select(b => (b.What, url, (HostileBody?)b)));
            }
            var plain = bodyKind == "json" && example is not null ? new HostileBody("valid", "application/json", JsonSerializer.SerializeToUtf8Bytes(example)) : null;
            foreach (var q in QueryParameters(op))
            {
                foreach (var (what, value) in HostileVariants.QueryValues())
                {
                    var sep = url.Contains('?') ? '&' : '?';
                    variants.Add(($"?{q} = {what}", $"{url}{sep}{q}={Uri.EscapeDataString(value)}", plain));
                }
            }
            if (path.Contains('{'))
            {
                variants.Add(("path traversal", Fill(path, "..%2F..%2Fetc%2Fpasswd"), plain));
                variants.Add(("path control", Fill(path, "%1B%5B31m"), plain));
            }
            // Every kind of hostility at least once, then a seeded sample of the rest.
            var chosen = variants.Take(0).ToList();
            chosen.AddRange(variants.Where(v => v.What.Contains("null", StringComparison.Ordinal) && !v.What.StartsWith('?')).Take(perOperation / 2));
            chosen.AddRange(variants.Except(chosen).OrderBy(_ => random.Next()).Take(Math.Max(0, perOperation - chosen.Count)));
            foreach (var (what, target, body) in chosen)
            {
                var before = await counter.Snapshot();
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), target);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body.Bytes);
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
                }
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (InvalidOperationException ex)
                {
                    // The in-memory test server refuses some requests before the platform sees them (Kestrel would answer 400).
                    output.WriteLine($"not sent: {method} {path} [{what}]: {ex.Message}");
                    continue;
                }
                requests++;
                var status = (int)response.StatusCode;
                var label = $"{method.ToUpperInvariant()} {path} [{what}] → {status}";
                if (status >= 500)
                {
                    serverErrors.Add(label + " " + Shorten(await response.Content.ReadAsStringAsync()));
                }
                else if (status >= 400 && await counter.Changed(before) is { } change)
                {
                    changedRows.Add($"{label}: {change}");
                }
            }
        }
        output.WriteLine($"Fuzz on {db}: {ops.Count} operations, {requests} requests, {serverErrors.Count} 5xx, {changedRows.Count} refused requests that changed rows");
        Console.WriteLine($"Fuzz on {db}: {ops.Count} operations, {requests} requests, {serverErrors.Count} 5xx, {changedRows.Count} refused requests that changed rows");
        // dotnet test shows no test's console: CI names a file and prints it after the run (.ci/run).
        if (Environment.GetEnvironmentVariable("SWS_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, $"Fuzz on {db} (seed {Seed}): {ops.Count} operations, {requests} requests, {serverErrors.Count} 5xx, {changedRows.Count} refused requests that changed rows\n");
        }
        Assert.True(serverErrors.Count == 0, "Server errors:\n" + string.Join("\n", serverErrors.Take(60)));
        Assert.True(changedRows.Count == 0, "Refused but changed rows:\n" + string.Join("\n", changedRows.Take(60)));
        Assert.True(requests > ops.Count * 5, $"too few requests: {requests}");
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] : s;

    private static string Fill(string path, string value) => System.Text.RegularExpressions.Regex.Replace(path, @"\{\w+\}", value);

    private static IEnumerable<string> QueryParameters(JsonElement op) =>
        op.TryGetProperty("parameters", out var ps)
            ? ps.EnumerateArray().Where(p => p.TryGetProperty("in", out var i) && i.GetString() == "query").Select(p => p.GetProperty("name").GetString()!)
            : [];

    private static string BodyKind(JsonElement op, JsonElement components, out JsonNode? example)
    {
        example = null;
        if (!op.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
        {
            return "none";
        }
        foreach (var media in content.EnumerateObject())
        {
            if (media.Name.Contains("json", StringComparison.Ordinal))
            {
                example = media.Value.TryGetProperty("example", out var ex) ? JsonNode.Parse(ex.GetRawText())
                    : media.Value.TryGetProperty("schema", out var schema) ? HostileVariants.Sample(schema, components) : null;
                return "json";
            }
            if (media.Name.StartsWith("multipart/", StringComparison.Ordinal)) return "multipart";
        }
        return "raw";
    }

    /// <summary>The first identity allowed to call the operation, with path ids taken from what that identity can list.</summary>
    private static async Task<(HttpClient Client, string Url)> Choose(Dictionary<string, HttpClient> clients, string path, string method, string bodyKind, JsonNode? example)
    {
        foreach (var (who, client) in clients)
        {
            var url = await Resolve(client, path, example);
            using var probe = new HttpRequestMessage(method == "get" ? HttpMethod.Get : HttpMethod.Options, url);
            if (method != "get")
            {
                // A body that cannot pass validation: asks only whether this identity is let in.
                probe.Method = new HttpMethod(method.ToUpperInvariant());
                probe.Content = new StringContent(bodyKind == "json" ? "{}" : "", System.Text.Encoding.UTF8, bodyKind == "json" ? "application/json" : "application/octet-stream");
                if (path.EndsWith("/auth/login", StringComparison.Ordinal) || method == "delete") return (client, url);
            }
            var status = (await client.SendAsync(probe)).StatusCode;
            if (status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                return (client, url);
            }
        }
        return (clients[Identities[0]], Fill(path, Guid.NewGuid().ToString()));
    }

    private static async Task<string> Resolve(HttpClient client, string path, JsonNode? example)
    {
        var url = path;
        var m = System.Text.RegularExpressions.Regex.Match(path, @"^(.*?)/\{(\w+)\}");
        if (m.Success)
        {
            var id = await FirstId(client, m.Groups[1].Value) ?? Guid.NewGuid().ToString();
            url = m.Groups[1].Value + "/" + id + path[(m.Index + m.Length)..];
            if (example is JsonObject o && o.ContainsKey("version") && await client.GetAsync(m.Groups[1].Value + "/" + id) is { IsSuccessStatusCode: true } current
                && JsonNode.Parse(await current.Content.ReadAsStringAsync()) is JsonObject read && read["version"] is { } v)
            {
                o["version"] = v.DeepClone();
            }
        }
        return System.Text.RegularExpressions.Regex.Replace(url, @"\{\w+\}", Guid.NewGuid().ToString());
    }

    private static async Task<string?> FirstId(HttpClient client, string collection)
    {
        var response = await client.GetAsync(collection + "?pageSize=5");
        if (!response.IsSuccessStatusCode) return null;
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var items = node is JsonObject o && o["items"] is JsonArray a ? a : node as JsonArray;
        return items?.FirstOrDefault()?["id"]?.ToString();
    }

    /// <summary>The number of rows in every table and the newest audit entry: a refused request must leave both alone.</summary>
    private sealed class RowCounter(TestApp app)
    {
        private string? _sql;

        public Task<(long Rows, long Audit)> Snapshot() => app.WithDb(async db =>
        {
            _sql ??= "SELECT " + string.Join(" + ", db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct()
                .Select(t => $"(SELECT COUNT(*) FROM \"{t}\")")) + ", (SELECT COALESCE(MAX(\"Id\"), 0) FROM \"AuditEntries\")";
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = _sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)));
        });

        public async Task<string?> Changed((long Rows, long Audit) before)
        {
            var after = await Snapshot();
            if (after == before) return null;
            var actions = await app.WithDb(db => db.AuditEntries.Where(e => e.Id > before.Audit).Select(e => e.Action + " " + e.EntityType).ToListAsync());
            // A refused sign-in is itself recorded (loginFailed): that row is the refusal, not a change.
            if (actions.Count > 0 && actions.All(a => a.StartsWith("loginFailed", StringComparison.Ordinal)) && after.Rows - before.Rows == actions.Count) return null;
            return $"rows {before.Rows} → {after.Rows}, audit: {string.Join(", ", actions)}";
        }
    }
}
