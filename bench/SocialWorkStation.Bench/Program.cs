using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

// Recipient search and roster import at province scale (docs/benchmarks.md):
//   dotnet run -c Release --project bench/SocialWorkStation.Bench -- [--connection "Host=127.0.0.1;Port=5433;Username=postgres"]
//       [--recipients 1000000] [--iterations 200] [--import-rows 10000] [--database sws_bench] [--reuse]
// Loads the recipients with binary COPY into a fresh database, then times the platform's own search handler
// against a primary-key lookup made through the same stack in the same run, and the roster import against
// PostgreSQL COPY of the same rows. Other modes: --visits (VisitBench.cs), --due (DueBench.cs) and --province
// (ProvinceBench.cs, issue 6: a whole province and the progress dashboards).
if (args.Contains("--visits"))
{
    await VisitBench.RunAsync(args);
    return;
}
if (args.Contains("--due"))
{
    await DueBench.RunAsync(args);
    return;
}
if (args.Contains("--province"))
{
    await ProvinceBench.RunAsync(args);
    return;
}
var options = Args.Parse(args);
var builder = new NpgsqlConnectionStringBuilder(options.Connection) { Database = options.Database };
var connection = builder.ToString();
if (!options.Reuse)
{
    await BenchHost.RecreateDatabaseAsync(options.Connection, options.Database);
}

var host = BenchHost.Builder(connection).Build();
await Startup.InitialiseAsync(host.Services, host.Configuration);
var protector = host.Services.GetRequiredService<RecipientProtector>();
var clock = TimeProvider.System;

Console.WriteLine($"机器: {Environment.ProcessorCount} 核, {Environment.OSVersion}, .NET {Environment.Version}");
await using (var c = new NpgsqlConnection(connection))
{
    await c.OpenAsync();
    Console.WriteLine("PostgreSQL: " + await new NpgsqlCommand("SHOW server_version", c).ExecuteScalarAsync());
}

// --- stations: the townships of one province (Hunan, 43), as many as the recipients need ---
List<Platform> stations;
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    stations = await db.Platforms.Where(p => p.Kind == PlatformKind.Station && !p.Name.Contains("基准站")).ToListAsync();
    if (stations.Count == 0)
    {
        var townships = await db.Regions.Where(r => r.Level == RegionLevel.Township && r.Code.StartsWith("43")).OrderBy(r => r.Code).Take(2000).ToListAsync();
        stations = townships.Select(t => new Platform { Name = t.Name + "社会工作服务站", Kind = PlatformKind.Station, RegionCode = t.Code, ProfileKey = "hunan", CreatedAt = DateTime.UtcNow }).ToList();
        db.Platforms.AddRange(stations);
        await db.SaveChangesAsync();
    }
}
Console.WriteLine($"站点: {stations.Count}（湖南省乡镇）");

// --- 1,000,000 recipients by binary COPY ---
var samples = new List<(Guid Id, Guid Station, string IdNumber, string Name)>();
long existing;
await using (var c = new NpgsqlConnection(connection))
{
    await c.OpenAsync();
    existing = (long)(await new NpgsqlCommand("SELECT count(*) FROM \"Recipients\"", c).ExecuteScalarAsync())!;
}
if (existing < options.Recipients)
{
    var watch = Stopwatch.StartNew();
    var rows = RecipientLoad.Generate(options.Recipients, stations, protector, seed: 1, addressCode: _ => "469000");
    var n = await RecipientLoad.Copy(connection, rows, protector, samples, sampleEvery: 997);
    Console.WriteLine($"COPY 装载 {n:N0} 名服务对象（含加密、哈希、拼音键）: {watch.Elapsed.TotalSeconds:0.0} 秒");
    await using var c = new NpgsqlConnection(connection);
    await c.OpenAsync();
    await new NpgsqlCommand("ANALYZE", c) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
}
else
{
    // Reused database: sample from what is there (decrypting the sampled ID numbers).
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var loaded = stations.Select(p => p.Id).ToList();
    var some = await db.Recipients.AsNoTracking().Where(r => loaded.Contains(r.StationId)).OrderBy(r => r.IdTailHash).Take(options.Recipients / 997).ToListAsync();
    samples.AddRange(some.Select(r => (r.Id, r.StationId, RecipientMapper.IdNumber(r, protector), r.Name)));
}
Console.WriteLine($"服务对象总数: {options.Recipients:N0}，抽样 {samples.Count:N0} 人作查询");

// --- search vs primary key, same stack, same run ---
var random = new Random(7);
var countyPrefix = stations[0].RegionCode[..6];
var countyScope = new UserScope(ScopeKind.Region, countyPrefix, RegionLevel.County);
var provinceScope = new UserScope(ScopeKind.Region, "43", RegionLevel.Province);
var countySamples = samples.Where(s => stations.First(p => p.Id == s.Station).RegionCode.StartsWith(countyPrefix, StringComparison.Ordinal)).ToList();

async Task<List<double>> Time(Func<AppDbContext, (Guid Id, Guid Station, string IdNumber, string Name), Task> work, IReadOnlyList<(Guid, Guid, string, string)> from)
{
    var times = new List<double>(options.Iterations);
    for (var i = -options.Warmup; i < options.Iterations; i++)
    {
        var s = from[random.Next(from.Count)];
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var t = Stopwatch.GetTimestamp();
        await work(db, s);
        if (i >= 0) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }
    return times;
}

var pk = await Time(async (db, s) => await db.Recipients.AsNoTracking().FirstAsync(r => r.Id == s.Id), samples);
var cases = new List<(string Name, List<double> Times)>
{
    ("站点内·拼音首字母", await Time(async (db, s) => Check(await ListRecipients.Handle(db, protector, clock, Station(s.Station), new ListRecipients.Query(Q: NameKeys.For(s.Name).Initials[0]), new PageRequest(1, 20), default)), samples)),
    ("站点内·身份证后4位", await Time(async (db, s) => Check(await ListRecipients.Handle(db, protector, clock, Station(s.Station), new ListRecipients.Query(Q: s.IdNumber[^4..]), new PageRequest(1, 20), default)), samples)),
    ("县内·拼音首字母", await Time(async (db, s) => Check(await ListRecipients.Handle(db, protector, clock, countyScope, new ListRecipients.Query(Q: NameKeys.For(s.Name).Initials[0]), new PageRequest(1, 20), default)), countySamples)),
    ("县内·身份证后4位", await Time(async (db, s) => Check(await ListRecipients.Handle(db, protector, clock, countyScope, new ListRecipients.Query(Q: s.IdNumber[^4..]), new PageRequest(1, 20), default)), countySamples)),
    ("全省·拼音首字母", await Time(async (db, s) => Check(await ListRecipients.Handle(db, protector, clock, provinceScope, new ListRecipients.Query(Q: NameKeys.For(s.Name).Initials[0]), new PageRequest(1, 20), default)), samples)),
    ("全省·身份证后4位", await Time(async (db, s) => Check(await ListRecipients.Handle(db, protector, clock, provinceScope, new ListRecipients.Query(Q: s.IdNumber[^4..]), new PageRequest(1, 20), default)), samples)),
};
Console.WriteLine();
Console.WriteLine($"查询（每项 {options.Iterations} 次，预热 {options.Warmup} 次；每页20条，含计数与解密）");
Console.WriteLine($"{"查询",-14}\t中位数ms\tP95 ms\t中位数/主键\tP95/主键");
Console.WriteLine($"{"主键查找",-14}\t{Median(pk):0.00}\t{P95(pk):0.00}\t1.0\t1.0");
foreach (var (name, times) in cases)
{
    Console.WriteLine($"{name,-14}\t{Median(times):0.00}\t{P95(times):0.00}\t{Median(times) / Median(pk):0.0}\t{P95(times) / P95(pk):0.0}");
}

// --- roster import vs COPY of the same rows ---
Platform importStation, copyStation;
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var stamp = DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^6..];
    importStation = new Platform { Name = "导入基准站" + stamp, Kind = PlatformKind.Station, RegionCode = "469030100", ProfileKey = "hunan", CreatedAt = DateTime.UtcNow };
    copyStation = new Platform { Name = "COPY基准站" + stamp, Kind = PlatformKind.Station, RegionCode = "469030100", ProfileKey = "hunan", CreatedAt = DateTime.UtcNow };
    db.Platforms.AddRange(importStation, copyStation);
    await db.SaveChangesAsync();
}
var people = RecipientLoad.Generate(options.ImportRows, [importStation], protector, seed: Environment.TickCount, addressCode: _ => "469099").ToList();
var sheet = people.Select(p => new Dictionary<string, object?>
{
    ["姓名"] = p.Name, ["身份证号码"] = protector.Decrypt(p.IdNumberCipher, Recipient.Context(p.Id, "idNumber")),
    ["联系电话"] = protector.Decrypt(p.PhoneCipher!, Recipient.Context(p.Id, "phone")),
}).ToList();
using var xlsx = new MemoryStream();
xlsx.SaveAs(sheet, excelType: ExcelType.XLSX);
RosterImport job;
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    job = new RosterImport
    {
        StationId = importStation.Id, Category = RecipientCategory.Dibao, FileName = "bench.xlsx", HeadersJson = "[\"姓名\",\"身份证号码\",\"联系电话\"]",
        MappingJson = "{\"name\":\"姓名\",\"idNumber\":\"身份证号码\",\"phone\":\"联系电话\"}", Status = RosterImportStatus.QueuedApply,
        CreatedBy = "bench", CreatedAt = DateTime.UtcNow,
    };
    job.FileCipher = protector.Encrypt(Convert.ToBase64String(xlsx.ToArray()), ImportRoster.Context(job.Id));
    db.RosterImports.Add(job);
    await db.SaveChangesAsync();
}
var runner = host.Services.GetRequiredService<RosterImportRunner>();
var importWatch = Stopwatch.StartNew();
while (await runner.RunNextAsync(default))
{
}
importWatch.Stop();
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var done = await db.RosterImports.AsNoTracking().FirstAsync(x => x.Id == job.Id);
    var count = await db.Recipients.CountAsync(r => r.StationId == importStation.Id);
    if (done.Status != RosterImportStatus.Applied || count != options.ImportRows)
    {
        throw new InvalidOperationException($"import ended {done.Status} with {count} rows: {done.Error}");
    }
}
// The same people (same ciphertexts, keys and hashes) loaded by COPY into a second empty station.
var copyRows = people.Select(p =>
{
    var copy = new Recipient
    {
        Id = Guid.CreateVersion7(), StationId = copyStation.Id, Name = p.Name, CategoryMask = p.CategoryMask,
        RiskLevel = p.RiskLevel, RegisteredOn = p.RegisteredOn, ConsentGiven = p.ConsentGiven, ConsentOn = p.ConsentOn, ConsentBy = p.ConsentBy, CreatedAt = p.CreatedAt,
    };
    // Encrypted again for the new row id (the ciphertext is bound to its record), before the clock starts.
    RecipientFields.SetIdentity(copy, IdNumber.TryParse(RecipientMapper.IdNumber(p, protector), out _)!, protector);
    RecipientFields.SetPhone(copy, RecipientMapper.Phone(p, protector), protector);
    copy.NameKeys.AddRange(p.NameKeys.Select(k => new RecipientNameKey { Key = k.Key, StationId = copyStation.Id }));
    return copy;
}).ToList();
var copyWatch = Stopwatch.StartNew();
await RecipientLoad.Copy(connection, copyRows, null, null, 0);
copyWatch.Stop();
var importRate = options.ImportRows / importWatch.Elapsed.TotalSeconds;
var copyRate = options.ImportRows / copyWatch.Elapsed.TotalSeconds;
Console.WriteLine();
Console.WriteLine($"名单导入 {options.ImportRows:N0} 行（读 Excel、逐行校验、比对、单事务写入含审计）: {importWatch.Elapsed.TotalSeconds:0.00} 秒，{importRate:N0} 行/秒");
Console.WriteLine($"PostgreSQL COPY 同样的行（服务对象与拼音键）: {copyWatch.Elapsed.TotalSeconds:0.00} 秒，{copyRate:N0} 行/秒");
Console.WriteLine($"导入速度 / COPY 速度 = {importRate / copyRate:0.000}（COPY 比导入快 {copyRate / importRate:0.0} 倍）");
await host.DisposeAsync();
return;

static void Check(Paged<RecipientListItem> page)
{
    if (page.Total == 0)
    {
        throw new InvalidOperationException("a sampled recipient was not found");
    }
}

static UserScope Station(Guid id) => new(ScopeKind.Station, StationId: id);

static double Median(List<double> t) => Percentile(t, 0.5);
static double P95(List<double> t) => Percentile(t, 0.95);
static double Percentile(List<double> t, double p)
{
    var s = t.OrderBy(x => x).ToList();
    var rank = p * (s.Count - 1);
    var lo = (int)Math.Floor(rank);
    var hi = (int)Math.Ceiling(rank);
    return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

internal sealed record Args(string Connection, string Database, int Recipients, int Iterations, int Warmup, int ImportRows, bool Reuse)
{
    public static Args Parse(string[] a)
    {
        string? Get(string name) => a.SkipWhile(x => x != "--" + name).Skip(1).FirstOrDefault();
        return new Args(
            Get("connection") ?? "Host=127.0.0.1;Port=5433;Username=postgres",
            Get("database") ?? "sws_bench",
            int.Parse(Get("recipients") ?? "1000000", CultureInfo.InvariantCulture),
            int.Parse(Get("iterations") ?? "200", CultureInfo.InvariantCulture),
            20,
            int.Parse(Get("import-rows") ?? "10000", CultureInfo.InvariantCulture),
            a.Contains("--reuse"));
    }
}
