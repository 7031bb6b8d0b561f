using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;
using SocialWorkStation.Web;
using SocialWorkStation.Web.Infrastructure;

/// <summary>
/// Issue 5's benchmark: visits posted through the API by 50 concurrent clients against PostgreSQL, as a
/// ratio to a minimal endpoint in the same process that inserts the same rows (visit, recipient link,
/// worker link) with plain Npgsql; p50/p99 latency of each.
///   dotnet run -c Release --project bench/SocialWorkStation.Bench -- --visits [--connection ...] [--requests 5000] [--clients 50]
/// </summary>
internal static class VisitBench
{
    public static async Task RunAsync(string[] args)
    {
        string Opt(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var baseConnection = Opt("--connection", "Host=127.0.0.1;Port=5433;Username=postgres");
        var database = Opt("--database", "sws_bench_visits");
        var requests = int.Parse(Opt("--requests", "5000"), System.Globalization.CultureInfo.InvariantCulture);
        var clients = int.Parse(Opt("--clients", "50"), System.Globalization.CultureInfo.InvariantCulture);
        const string url = "http://127.0.0.1:5598";

        await BenchHost.RecreateDatabaseAsync(baseConnection, database);
        var connection = new NpgsqlConnectionStringBuilder(baseConnection) { Database = database, MaxPoolSize = 100 }.ToString();
        // The web project's name, so its static-asset manifest (copied next to this program) is found.
        var builder = BenchHost.Builder(connection, new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Urls"] = url }, "SocialWorkStation.Web");
        var app = builder.Build();
        await Startup.InitialiseAsync(app.Services, app.Configuration);
        WebApp.ConfigurePipeline(app);
        // Its own pool, one connection per client: with the platform's pool both fit in PostgreSQL's default 100
        // connections only because each phase closes the other's idle connections first (Phase below).
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = clients }.ToString());
        // The baseline: the same three rows, plain Npgsql, one transaction, no validation, scope or audit.
        app.MapPost("/bench/raw-visit", async (RawVisit v) =>
        {
            await using var c = await source.OpenConnectionAsync();
            await using var tx = await c.BeginTransactionAsync();
            var id = Guid.CreateVersion7();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await using (var cmd = new NpgsqlCommand("""
                INSERT INTO "Visits" ("Id","StationId","Kind","VisitedOn","RecordedOn","BackFilled","Domain","Findings","ServiceContent","FollowUpNeeded","IdempotencyKey","CreatedAt","Version")
                VALUES ($1,$2,0,$3,$3,false,'elderlyServices',$4,$5,false,$6,$7,1)
                """, c, tx))
            {
                cmd.Parameters.AddWithValue(id); cmd.Parameters.AddWithValue(v.StationId); cmd.Parameters.AddWithValue(today);
                cmd.Parameters.AddWithValue(v.Findings); cmd.Parameters.AddWithValue(v.ServiceContent); cmd.Parameters.AddWithValue(v.Key);
                cmd.Parameters.AddWithValue(DateTime.UtcNow);
                await cmd.ExecuteNonQueryAsync();
            }
            await using (var cmd = new NpgsqlCommand("""INSERT INTO "VisitRecipients" ("Id","VisitId","RecipientId") VALUES ($1,$2,$3)""", c, tx))
            {
                cmd.Parameters.AddWithValue(Guid.NewGuid()); cmd.Parameters.AddWithValue(id); cmd.Parameters.AddWithValue(v.RecipientId);
                await cmd.ExecuteNonQueryAsync();
            }
            await using (var cmd = new NpgsqlCommand("""INSERT INTO "VisitWorkers" ("Id","VisitId","WorkerId") VALUES ($1,$2,$3)""", c, tx))
            {
                cmd.Parameters.AddWithValue(Guid.NewGuid()); cmd.Parameters.AddWithValue(id); cmd.Parameters.AddWithValue(v.WorkerId);
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            return Results.Created($"/bench/raw-visit/{id}", new { id });
        }).AllowAnonymous().DisableAntiforgery();
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var login = await (await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "worker", password = "Demo@2026pass" })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        var station = (await http.GetFromJsonAsync<JsonElement>("/api/v1/stations?kind=station")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var recipient = (await http.GetFromJsonAsync<JsonElement>("/api/v1/recipients?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var worker = (await http.GetFromJsonAsync<JsonElement>("/api/v1/workers")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var today = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

        object Api() => new
        {
            kind = "homeVisit", visitedOn = today, recipientIds = new[] { recipient }, workerIds = new[] { worker }, domain = "elderlyServices",
            findings = "老人独居，身体尚可", serviceContent = "了解近况，讲解政策", idempotencyKey = Guid.NewGuid(),
        };
        object Raw() => new RawVisit(station, recipient, worker, "老人独居，身体尚可", "了解近况，讲解政策", Guid.NewGuid());

        Console.WriteLine($"机器: {Environment.ProcessorCount} 核, .NET {Environment.Version}; {clients} 个并发客户端, 每轮 {requests} 次请求");
        async Task<Result> Phase(string path, Func<object> body, int count)
        {
            NpgsqlConnection.ClearAllPools();
            source.Clear();
            return await Run(http, path, body, count, clients);
        }
        await Phase("/bench/raw-visit", Raw, Math.Min(500, requests)); // warm-up
        await Phase("/api/v1/visits", Api, Math.Min(500, requests));
        var raw = await Phase("/bench/raw-visit", Raw, requests);
        var api = await Phase("/api/v1/visits", Api, requests);
        Console.WriteLine($"| 方式 | 每秒记录数 | p50 (ms) | p99 (ms) |");
        Console.WriteLine($"| 平台 API（校验、范围、审计、幂等键） | {api.PerSecond:0} | {api.P50:0.0} | {api.P99:0.0} |");
        Console.WriteLine($"| 最小端点（Npgsql 直接插入相同的行） | {raw.PerSecond:0} | {raw.P50:0.0} | {raw.P99:0.0} |");
        Console.WriteLine($"比值 API / 最小端点 = {api.PerSecond / raw.PerSecond:0.00}");
        await app.StopAsync();
    }

    private sealed record Result(double PerSecond, double P50, double P99);

    private static async Task<Result> Run(HttpClient http, string path, Func<object> body, int requests, int clients)
    {
        var latencies = new double[requests];
        var next = -1;
        var failures = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var sw = Stopwatch.StartNew();
                using var r = await http.PostAsJsonAsync(path, body());
                latencies[i] = sw.Elapsed.TotalMilliseconds;
                if ((int)r.StatusCode != 201) Interlocked.Increment(ref failures);
            }
        }));
        total.Stop();
        if (failures > 0) throw new InvalidOperationException($"{path}: {failures} requests failed");
        Array.Sort(latencies);
        return new Result(requests / total.Elapsed.TotalSeconds, latencies[requests / 2], latencies[(int)Math.Ceiling(requests * 0.99) - 1]);
    }
}

internal sealed record RawVisit(Guid StationId, Guid RecipientId, Guid WorkerId, string Findings, string ServiceContent, Guid Key);
