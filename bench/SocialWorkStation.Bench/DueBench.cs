using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Infrastructure;

/// <summary>
/// The province's due-visit shares (GET /api/v1/visits/due/stations) at province scale: 2,000 stations and
/// 1,000,000 recipients with visits, loaded with plain SQL. Times the handler (counted in SQL, grouped per
/// station) and, for comparison in the same run, the per-recipient list of the same scope (the rules applied
/// one recipient at a time in memory, as the county list was computed before).
///   dotnet run -c Release --project bench/SocialWorkStation.Bench -- --due [--connection ...] [--recipients 1000000] [--iterations 5] [--reuse]
/// </summary>
internal static class DueBench
{
    public static async Task RunAsync(string[] args)
    {
        string Opt(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var baseConnection = Opt("--connection", "Host=127.0.0.1;Port=5433;Username=postgres");
        var database = Opt("--database", "sws_bench_due");
        var recipients = int.Parse(Opt("--recipients", "1000000"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(Opt("--iterations", "5"), CultureInfo.InvariantCulture);
        var reuse = args.Contains("--reuse");
        if (!reuse)
        {
            await BenchHost.RecreateDatabaseAsync(baseConnection, database);
        }
        var connection = new NpgsqlConnectionStringBuilder(baseConnection) { Database = database, CommandTimeout = 600 }.ToString();
        var builder = BenchHost.Builder(connection);
        var host = builder.Build();
        await Startup.InitialiseAsync(host.Services, host.Configuration);
        Console.WriteLine($"机器: {Environment.ProcessorCount} 核, .NET {Environment.Version}");

        // 2,000 of Hunan's townships as stations. Only Qiongzhong's profile has a visit schedule so far, so they use it.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Platforms.AnyAsync(p => p.RegionCode.StartsWith("43")))
            {
                var townships = await db.Regions.Where(r => r.Level == RegionLevel.Township && r.Code.StartsWith("43")).OrderBy(r => r.Code).Take(2000).ToListAsync();
                db.Platforms.AddRange(townships.Select(t => new Platform
                {
                    Name = t.Name + "社会工作服务站", Kind = PlatformKind.Station, RegionCode = t.Code, ProfileKey = "hainan-qiongzhong", CreatedAt = DateTime.UtcNow,
                }));
                await db.SaveChangesAsync();
            }
        }
        var today = ChinaTime.Today(TimeProvider.System);
        await using (var c = new NpgsqlConnection(connection))
        {
            await c.OpenAsync();
            var loaded = (long)(await new NpgsqlCommand("SELECT count(*) FROM \"Recipients\"", c).ExecuteScalarAsync())!;
            if (loaded < recipients)
            {
                var watch = Stopwatch.StartNew();
                // One category each (bit 0..19), every risk level, registered up to 400 days ago; the ciphertexts are
                // placeholders (nothing here decrypts them).
                await Exec(c, $"""
                    INSERT INTO "Recipients" ("Id","StationId","Relation","Name","Sex","BirthYear","BirthDateCipher","IdNumberCipher","IdNumberHash","IdTailHash",
                        "PhoneCipher","CategoryMask","RiskLevel","Status","RegisteredOn","ConsentGiven","ConsentOn","ConsentBy","SensitiveConsent","RosterMask","CreatedAt","Version")
                    SELECT gen_random_uuid(), s."Id", 0, '基准' || i, i % 2, 1940 + i % 50, '\x00', '\x00', md5(i::text), md5((i % 10000)::text),
                        '\x00', 1::bigint << (i % 20), (i * 7) % 4, CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END, DATE '{today:yyyy-MM-dd}' - (i % 400),
                        true, DATE '{today:yyyy-MM-dd}', 0, false, 0, now(), 1
                    FROM generate_series(1, {recipients}) AS i
                    JOIN (SELECT "Id", row_number() OVER (ORDER BY "RegionCode") - 1 AS n FROM "Platforms" WHERE "RegionCode" LIKE '43%') s ON s.n = i % 2000
                    """);
                // Two thirds were visited once or twice in the last 60 days; one visit in five is a phone greeting.
                await Exec(c, $"""
                    WITH src AS (
                        SELECT r."Id" AS rid, r."StationId" AS sid, gen_random_uuid() AS vid, k,
                               DATE '{today:yyyy-MM-dd}' - ((abs(hashtext(r."Id"::text || k)) % 60)) AS day,
                               CASE WHEN abs(hashtext(r."Id"::text || k)) % 5 = 0 THEN 1 ELSE 0 END AS kind
                        FROM "Recipients" r CROSS JOIN generate_series(1, 2) AS k
                        WHERE abs(hashtext(r."Id"::text)) % 3 <> 0 AND (k = 1 OR abs(hashtext(r."Id"::text)) % 2 = 0)),
                    ins AS (
                        INSERT INTO "Visits" ("Id","StationId","Kind","VisitedOn","RecordedOn","BackFilled","Domain","Findings","ServiceContent","FollowUpNeeded","CreatedAt","Version")
                        SELECT vid, sid, kind, day, day, false, 'elderlyServices', '基准', '基准', false, now(), 1 FROM src)
                    INSERT INTO "VisitRecipients" ("Id","VisitId","RecipientId") SELECT gen_random_uuid(), vid, rid FROM src
                    """);
                // Start-up decrypts the newest recipient to check the keys (a later --reuse run): that one gets a real ciphertext.
                var newest = (Guid)(await new NpgsqlCommand("SELECT \"Id\" FROM \"Recipients\" ORDER BY \"Id\" DESC LIMIT 1", c).ExecuteScalarAsync())!;
                await using (var real = new NpgsqlCommand("UPDATE \"Recipients\" SET \"IdNumberCipher\" = $1 WHERE \"Id\" = $2", c))
                {
                    real.Parameters.AddWithValue(host.Services.GetRequiredService<RecipientProtector>().Encrypt("11010519491231002X", Recipient.Context(newest, "idNumber")));
                    real.Parameters.AddWithValue(newest);
                    await real.ExecuteNonQueryAsync();
                }
                await Exec(c, "ANALYZE");
                Console.WriteLine($"SQL 装载服务对象与走访记录: {watch.Elapsed.TotalSeconds:0.0} 秒");
            }
            foreach (var (label, table) in new[] { ("服务对象", "Recipients"), ("走访记录", "Visits"), ("走访对象关联", "VisitRecipients") })
            {
                Console.WriteLine($"{label}: {(long)(await new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", c).ExecuteScalarAsync())!:N0}");
            }
        }

        var province = new UserScope(ScopeKind.Region, "43", RegionLevel.Province);
        var profiles = host.Services.GetRequiredService<ProfileCatalog>();
        var answers = new List<(int, int)>();
        async Task<(List<double> Times, double AllocatedMb)> Time(string label, Func<AppDbContext, Task<(int Scheduled, int Overdue)>> work)
        {
            var times = new List<double>();
            var allocated = 0L;
            for (var i = -1; i < iterations; i++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var bytes = GC.GetTotalAllocatedBytes();
                var t = Stopwatch.GetTimestamp();
                var (scheduled, overdue) = await work(db);
                if (i >= 0) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                allocated = GC.GetTotalAllocatedBytes() - bytes;
                if (i == -1)
                {
                    Console.WriteLine($"  {label}: 有走访周期 {scheduled:N0} 人，逾期 {overdue:N0} 人");
                    answers.Add((scheduled, overdue));
                }
            }
            return (times, allocated / 1024.0 / 1024.0);
        }
        var sql = await Time("按站点汇总", async db =>
        {
            var shares = await DueVisits.ByStation(db, profiles, TimeProvider.System, province, default);
            return (shares.Sum(s => s.Scheduled), shares.Sum(s => s.Overdue));
        });
        var memory = await Time("逐人名单", async db =>
        {
            var list = await DueVisits.Handle(db, profiles, TimeProvider.System, province, new DueVisits.Query(), default);
            return (list.Scheduled, list.OverdueCount);
        });
        if (answers.Distinct().Count() != 1)
        {
            throw new InvalidOperationException("the two ways counted differently");
        }
        Console.WriteLine($"| 全省 {recipients:N0} 名服务对象，{iterations} 次 | 中位数 (s) | 最慢 (s) | 每次分配内存 (MB) |");
        Console.WriteLine($"| 按站点汇总（SQL 分组计数） | {Median(sql.Times) / 1000:0.00} | {sql.Times.Max() / 1000:0.00} | {sql.AllocatedMb:N0} |");
        Console.WriteLine($"| 逐人在内存中套用规则（同一范围的到期名单） | {Median(memory.Times) / 1000:0.00} | {memory.Times.Max() / 1000:0.00} | {memory.AllocatedMb:N0} |");
        await host.DisposeAsync();
    }

    private static async Task Exec(NpgsqlConnection c, string sql) => await new NpgsqlCommand(sql, c) { CommandTimeout = 1200 }.ExecuteNonQueryAsync();

    private static double Median(List<double> t)
    {
        var s = t.OrderBy(x => x).ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
