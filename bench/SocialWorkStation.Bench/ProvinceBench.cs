using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Features.ContractorChecks;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.Groups;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Features.Volunteers;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;
using Activity = SocialWorkStation.Web.Features.Activities.Activity;

/// <summary>
/// Issue 6 "Speed": builds a province in a fresh PostgreSQL database (docs/benchmarks.md) and times the progress
/// dashboard's API at province, county and worker level against the hand-written raw GROUP BY.
///   dotnet run -c Release --project bench/SocialWorkStation.Bench -- --province [--connection …] [--database sws_bench_province] [--region 43]
///       [--stations 2000] [--workers 10000] [--recipients 1000000] [--records 10000000] [--as-of 2026-11-25] [--seed 2026]
///       [--profile hainan-qiongzhong] [--reuse] [--no-bench] [--iterations 50] [--warmup 5] [--port 5597]
/// </summary>
internal static class ProvinceBench
{
    private const string Password = "Bench@2026pass";

    public static async Task RunAsync(string[] args)
    {
        var o = ProvinceOptions.Parse(args);
        var connection = new NpgsqlConnectionStringBuilder(o.Connection) { Database = o.Database, MaxPoolSize = 100 }.ToString();
        var phases = new List<(string Name, TimeSpan Time)>();
        var total = Stopwatch.StartNew();
        Console.WriteLine($"机器: {Environment.ProcessorCount} 核, {Environment.OSVersion}, .NET {Environment.Version}, 内存 {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB");

        var marker = await MarkerAsync(o);
        var reuse = o.Reuse && marker == o.Marker;
        if (o.Reuse && !reuse)
        {
            Console.WriteLine(marker is null ? $"数据库 {o.Database} 没有完整的生成数据，重新生成。" : $"数据库 {o.Database} 的数据参数不同（{marker}），重新生成。");
        }
        if (!reuse)
        {
            await BenchHost.RecreateDatabaseAsync(o.Connection, o.Database);
        }

        var url = $"http://127.0.0.1:{o.Port}";
        await using var app = BuildApp(connection, url);
        var watch = Stopwatch.StartNew();
        await Startup.InitialiseAsync(app.Services, app.Configuration);
        phases.Add(("平台启动：迁移与区划树", watch.Elapsed));
        await using (var c = new NpgsqlConnection(connection))
        {
            await c.OpenAsync();
            Console.WriteLine($"PostgreSQL {await new NpgsqlCommand("SHOW server_version", c).ExecuteScalarAsync()}，数据库 {o.Database}");
        }
        var profiles = app.Services.GetRequiredService<ProfileCatalog>();

        if (reuse)
        {
            Console.WriteLine($"--reuse：数据库已有完整数据（{marker}），跳过装载。");
        }
        else
        {
            await LoadAsync(o, app.Services, profiles, connection, phases);
        }
        await PrintCountsAsync(app.Services, connection);

        if (!reuse)
        {
            Console.WriteLine();
            Console.WriteLine("| 阶段 | 用时 |");
            Console.WriteLine("|---|---|");
            foreach (var (name, time) in phases)
            {
                Console.WriteLine($"| {name} | {Seconds(time)} |");
            }
            Console.WriteLine($"| 合计（含平台启动） | {Seconds(TimeSpan.FromTicks(phases.Sum(p => p.Time.Ticks)))} |");
        }
        if (o.Bench)
        {
            await BenchAsync(o, app, profiles);
        }
        Console.WriteLine($"总用时 {Seconds(total.Elapsed)}");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds >= 120 ? $"{t.TotalMinutes:0.0} 分钟（{t.TotalSeconds:0} 秒）" : $"{t.TotalSeconds:0.0} 秒";

    private static WebApplication BuildApp(string connection, string url) =>
        // The web project's name, so its static-asset manifest (copied next to this program) is found.
        BenchHost.Builder(connection, new Dictionary<string, string?>
        {
            // No wwwroot next to the benchmark and an unencrypted key ring: both expected here, neither matters to an API timing.
            ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Urls"] = url,
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("SWS_BENCH_SQL_LOG") ?? "None",
        }, "SocialWorkStation.Web").Build();

    private static async Task<string?> MarkerAsync(ProvinceOptions o)
    {
        await using var admin = new NpgsqlConnection(o.Connection);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", admin);
        cmd.Parameters.AddWithValue(o.Database);
        return await cmd.ExecuteScalarAsync() as string;
    }

    /// <summary>The tables the generator fills; their non-unique indexes and foreign keys are rebuilt after the load.</summary>
    private static string[] Tables(IModel m) =>
    [
        TableCopy.TableOf<Organisation>(m), TableCopy.TableOf<Platform>(m), TableCopy.TableOf<PlatformRoom>(m), TableCopy.TableOf<PlatformEquipment>(m),
        TableCopy.TableOf<Worker>(m), TableCopy.TableOf<WorkerCertificate>(m), TableCopy.TableOf<WorkerTraining>(m),
        TableCopy.TableOf<Recipient>(m), TableCopy.TableOf<RecipientNameKey>(m),
        TableCopy.TableOf<Case>(m), TableCopy.TableOf<CaseNeed>(m), TableCopy.TableOf<CaseGoal>(m), TableCopy.TableOf<CaseService>(m),
        TableCopy.TableOf<Group>(m), TableCopy.TableOf<GroupMember>(m), TableCopy.TableOf<GroupSession>(m), TableCopy.TableOf<GroupAttendance>(m),
        TableCopy.TableOf<Activity>(m), TableCopy.TableOf<ActivityKindEntry>(m), TableCopy.TableOf<ActivityWorker>(m),
        TableCopy.TableOf<Volunteer>(m), TableCopy.TableOf<VolunteerTeam>(m), TableCopy.TableOf<VolunteerTeamMember>(m),
        TableCopy.TableOf<FeaturedCase>(m), TableCopy.TableOf<ContractorCheck>(m),
        TableCopy.TableOf<Visit>(m), TableCopy.TableOf<VisitWorker>(m), TableCopy.TableOf<VisitRecipient>(m),
    ];

    private static async Task LoadAsync(ProvinceOptions o, IServiceProvider services, ProfileCatalog profiles, string connection, List<(string, TimeSpan)> phases)
    {
        IModel model;
        List<(string Code, string Name, string County, string CountyName)> townships;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            model = db.Model;
            var counties = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County && r.Code.StartsWith(o.Province))
                .ToDictionaryAsync(r => r.Code, r => r.Name);
            var rows = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Township && r.Code.StartsWith(o.Province))
                .OrderBy(r => r.Code).Take(o.Stations).Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync();
            if (rows.Count < o.Stations)
            {
                throw new InvalidOperationException($"区划树中 {o.Province} 省只有 {rows.Count} 个乡镇（街道），少于 --stations {o.Stations}");
            }
            townships = rows.Select(r => (r.Code, r.Name, r.ParentCode ?? r.Code[..6], counties.GetValueOrDefault(r.ParentCode ?? r.Code[..6], ""))).ToList();
        }
        var profile = profiles.Find(o.Profile) ?? throw new InvalidOperationException($"没有政策方案 {o.Profile}");
        var st = profile.Standards;
        // The profile's numbers; Qiongzhong's where the profile sets none, so every kind of record is still generated around a threshold.
        var t = new Thresholds(
            st?.VisitsPerWorker?.Value ?? 24, st?.CasesPerStation?.Value ?? 2, st?.ServicesPerCase?.Value ?? 5, st?.GroupsPerStation?.Value ?? 2,
            st?.SessionsPerGroup?.Value ?? 4, st?.ParticipantTimesPerGroup?.Value ?? 16, st?.ActivitiesPerStation?.Value ?? 3,
            st?.ParticipantsPerActivity?.Value ?? 10, st?.NewVolunteersPerStation?.Value ?? 30, st?.VolunteerTeamsPerStation?.Value ?? 1,
            st?.FeaturedCasesPerStation?.Value ?? 1);
        Console.WriteLine($"生成：{o.Stations:N0} 个站点（{o.Province} 省前 {o.Stations:N0} 个乡镇，方案 {o.Profile}），{o.Workers:N0} 名社工，{o.Recipients:N0} 名服务对象，" +
                          $"{o.Records:N0} 条服务记录（{o.Year} 年 1 月 1 日至 {o.AsOf:M 月 d 日}），种子 {o.Seed}");

        void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
        var g = new ProvinceGenerator(o, connection, model, t, Log);
        async Task Phase(string name, Func<Task<string>> work)
        {
            var w = Stopwatch.StartNew();
            var what = await work();
            phases.Add((name, w.Elapsed));
            Log($"{name}: {what}，{Seconds(w.Elapsed)}");
        }

        DeferredIndexes deferred = null!;
        await Phase("计划（站点、进度类别、社工与速率）", () =>
        {
            g.Plan(townships);
            var classes = g.Stations.GroupBy(s => s.Class).ToDictionary(x => x.Key, x => x.Count());
            return Task.FromResult($"正常 {classes.GetValueOrDefault(PaceClass.OnPace)}，落后 {classes.GetValueOrDefault(PaceClass.Behind)}，严重落后 {classes.GetValueOrDefault(PaceClass.FarBehind)}");
        });
        await Phase("删除非唯一索引与外键", async () =>
        {
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            deferred = await DeferredIndexes.DropAsync(c, Tables(model));
            return $"{deferred.IndexCount} 个索引，{deferred.ForeignKeyCount} 个外键";
        });
        await Phase("站点（COPY）", async () => $"{await g.WriteStationsAsync():N0} 个");
        await Phase("社工、证书、培训（COPY）", async () => $"{await g.WriteWorkersAsync(services.GetRequiredService<RecipientProtector>()):N0} 名");
        await Phase("服务对象（加密、哈希、拼音键；两路 COPY）", async () =>
        {
            var protector = services.GetRequiredService<RecipientProtector>();
            return $"{await g.WriteRecipientsAsync(protector):N0} 名";
        });
        await Phase("个案与服务（COPY）", async () => $"{await g.WriteCasesAsync():N0} 次服务");
        await Phase("小组、组员、节次与出席（COPY）", async () => $"{await g.WriteGroupsAsync():N0} 条节次与出席");
        await Phase("社区活动与类型（COPY）", async () => $"{await g.WriteActivitiesAsync():N0} 场");
        await Phase("志愿者与志愿服务队（COPY）", async () => $"{await g.WriteVolunteersAsync():N0} 名");
        await Phase("特色服务案例（COPY）", async () => $"{await g.WriteFeaturedCasesAsync():N0} 篇");
        await Phase("项目经理到站检查（COPY）", async () => $"{await g.WriteContractorChecksAsync():N0} 次");
        await Phase("走访：入户与电话问候（三路 COPY FREEZE）", async () =>
        {
            var (visits, workers, recipients) = await g.WriteVisitsAsync();
            return $"{visits:N0} 次（入户 {g.HomeVisits:N0}，电话 {g.PhoneGreetings:N0}），走访人 {workers:N0}，走访对象 {recipients:N0}";
        });
        await Phase("重建索引与外键（外键逐行校验）", async () =>
        {
            await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ToString());
            await c.OpenAsync();
            await deferred.RestoreAsync(c, Log);
            return $"{deferred.IndexCount} 个索引，{deferred.ForeignKeyCount} 个外键";
        });
        await Phase("VACUUM ANALYZE", async () =>
        {
            await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ToString());
            await c.OpenAsync();
            await DeferredIndexes.Exec(c, "VACUUM (ANALYZE)");
            return "完成";
        });
        await Phase("进度聚合重建（ProgressRebuild.RunAsync）", async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await SocialWorkStation.Web.Features.Progress.ProgressRebuild.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), profiles, CancellationToken.None);
            return $"{result.Platforms:N0} 个站点，{result.Workers:N0} 名社工，{result.Differences:N0} 个计数由 0 补齐";
        });
        await Phase("ANALYZE 进度聚合表", async () =>
        {
            await using var c = new NpgsqlConnection(connection);
            await c.OpenAsync();
            await DeferredIndexes.Exec(c, "VACUUM (ANALYZE) \"ProgressStationMonths\", \"ProgressWorkerMonths\"");
            return "完成";
        });
        await using (var c = new NpgsqlConnection(o.Connection))
        {
            await c.OpenAsync();
            await DeferredIndexes.Exec(c, $"COMMENT ON DATABASE {TableCopy.Quote(o.Database)} IS '{o.Marker.Replace("'", "''", StringComparison.Ordinal)}'");
        }
        PrintTally(o, g, t, StandardCatalog.TrackedBy(profile).Select(x => x.Key).ToHashSet());
    }

    private static async Task PrintCountsAsync(IServiceProvider services, string connection)
    {
        IModel model;
        await using (var scope = services.CreateAsyncScope())
        {
            model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        }
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ToString());
        await c.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables(model))
        {
            counts[table] = (long)(await new NpgsqlCommand($"SELECT count(*) FROM {TableCopy.Quote(table)}", c) { CommandTimeout = 0 }.ExecuteScalarAsync())!;
        }
        string[] service = [TableCopy.TableOf<Visit>(model), TableCopy.TableOf<CaseService>(model), TableCopy.TableOf<GroupSession>(model),
            TableCopy.TableOf<GroupAttendance>(model), TableCopy.TableOf<Activity>(model)];
        Console.WriteLine();
        Console.WriteLine("| 表 | 行数 |");
        Console.WriteLine("|---|---:|");
        foreach (var (table, n) in counts)
        {
            Console.WriteLine($"| {table}{(service.Contains(table) ? "（服务记录）" : "")} | {n:N0} |");
        }
        Console.WriteLine($"| 服务记录合计（走访 + 个案服务 + 小组节次 + 小组出席 + 活动） | {service.Sum(x => counts[x]):N0} |");
        var size = await new NpgsqlCommand("SELECT pg_size_pretty(pg_database_size(current_database()))", c).ExecuteScalarAsync();
        Console.WriteLine($"数据库大小：{size}");
    }

    /// <summary>
    /// The generator's own count of how the stations stand against the profile on the as-of day, from what it wrote
    /// (the spread it aimed at: most on pace, about 15% behind, about 5% far behind). The platform's numbers are the
    /// progress API's; this only shows the shape of the data.
    /// </summary>
    private static void PrintTally(ProvinceOptions o, ProvinceGenerator g, Thresholds t, IReadOnlySet<string> tracked)
    {
        var c = g.Calendar;
        var share = (decimal)(o.AsOf.DayNumber - c.YearStart.DayNumber + 1) / (c.YearEnd.DayNumber - c.YearStart.DayNumber + 1);
        static int Status(decimal done, decimal target, decimal share)
        {
            if (done >= target) return 0;
            var expected = target * share;
            return done >= expected ? 1 : done >= expected / 2 ? 2 : 3;
        }
        var all = new List<(string Key, string Name, Func<StationPlan, int> Status)>
        {
            (StandardCatalog.Visits, "入户探访（站内社工合计）", s => Status(s.Workers.Sum(w => w.HomeVisits), t.VisitsPerWorker * s.Workers.Count(w => w.Window(c).From <= w.Window(c).To), share)),
            (StandardCatalog.RecipientFiles, "服务建档", s => Status(s.NewRecipients, 1, share)),
            (StandardCatalog.Cases, "个案接案", s => Status(s.CasesOpened, t.CasesPerStation, share)),
            (StandardCatalog.CasesServed, "个案服务达标", s => Status(s.CasesServed, t.CasesPerStation, share)),
            (StandardCatalog.Groups, "完整小组", s => Status(s.GroupsComplete, t.GroupsPerStation, share)),
            (StandardCatalog.Activities, "乡镇活动（达到人数）", s => Status(s.ActivitiesCounted, t.ActivitiesPerStation, share)),
            (StandardCatalog.PublicityActivities, "其中社会工作宣传", s => Status(s.PublicityCounted, 1, share)),
            (StandardCatalog.AdvocacyActivities, "其中志愿服务倡导", s => Status(s.AdvocacyCounted, 1, share)),
            (StandardCatalog.NewVolunteers, "新增实名志愿者", s => Status(s.NewVolunteers, t.NewVolunteersPerStation, share)),
            (StandardCatalog.VolunteerTeams, "志愿服务队（在册）", s => Status(s.ActiveTeams, t.VolunteerTeamsPerStation, 1m)),
            (StandardCatalog.FeaturedCases, "特色服务案例", s => Status(s.FeaturedCases, t.FeaturedCasesPerStation, share)),
            // Months covered against the year's 12 months × 1, expected in proportion to the days gone.
            (StandardCatalog.ContractorChecks, "项目经理到站检查（月）", s => Status(s.MonthsChecked, 12, share)),
        };
        // Only what the profile tracks (a profile without a number for a standard does not track it).
        var rows = all.Where(x => tracked.Contains(x.Key)).Select(x => (x.Name, x.Status)).ToList();
        var untracked = all.Where(x => !tracked.Contains(x.Key)).Select(x => x.Name).ToList();
        Console.WriteLine();
        Console.WriteLine($"生成器自己的统计（{o.AsOf:yyyy-MM-dd}，应完成进度 {share:P1}；站点数：已完成 / 进度正常 / 落后 / 严重落后）：");
        Console.WriteLine("| 标准 | 已完成 | 进度正常 | 落后 | 严重落后 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var worst = new int[g.Stations.Count];
        foreach (var (name, status) in rows)
        {
            var n = new int[4];
            foreach (var s in g.Stations)
            {
                var x = status(s);
                n[x]++;
                worst[s.Index] = Math.Max(worst[s.Index], x);
            }
            Console.WriteLine($"| {name} | {n[0]} | {n[1]} | {n[2]} | {n[3]} |");
        }
        var overall = new int[4];
        foreach (var x in worst) overall[x]++;
        Console.WriteLine($"| 站点（取最差一项） | {overall[0]} | {overall[1]} | {overall[2]} | {overall[3]} |");
        if (untracked.Count > 0) Console.WriteLine($"（方案 {o.Profile} 不考核、未列入：{string.Join("、", untracked)}；数据照常生成）");
        var workers = g.Stations.SelectMany(s => s.Workers).Where(w => w.Window(c).From <= w.Window(c).To).Select(w => Status(w.HomeVisits, t.VisitsPerWorker, share)).ToList();
        Console.WriteLine($"| 社工个人入户探访 | {workers.Count(x => x == 0)} | {workers.Count(x => x == 1)} | {workers.Count(x => x == 2)} | {workers.Count(x => x == 3)} |");
        Console.WriteLine($"月度权重（2 月春节最低）：{string.Join(" ", Enumerable.Range(1, 12).Select(m => $"{m}月 {c.Share(new DateOnly(o.Year, m, 1), new DateOnly(o.Year, m, 1).AddMonths(1).AddDays(-1)) * 100:0.0}%"))}");
    }

    // ---------------------------------------------------------------- the benchmark phase

    private static async Task BenchAsync(ProvinceOptions o, WebApplication app, ProfileCatalog profiles)
    {
        Console.WriteLine();
        // The API names a province by its six-digit code (430000); the raw query takes the code prefix (43).
        var provinceCode = o.Province + "0000";
        // The accounts: a province officer, a county bureau officer and a social worker of a station in that county.
        string county;
        Guid workerId, workerStation;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var station = await db.Platforms.AsNoTracking().Where(p => p.Kind == PlatformKind.Station && p.RegionCode.StartsWith(o.Province))
                .OrderBy(p => p.RegionCode).FirstAsync();
            county = station.RegionCode[..6];
            var worker = await db.Workers.AsNoTracking().Where(w => w.PlatformId == station.Id && w.Role == WorkerRole.Worker && w.LeftOn == null)
                .OrderBy(w => w.HireDate).FirstAsync();
            (workerId, workerStation) = (worker.Id, station.Id);
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var clock = sp.GetRequiredService<TimeProvider>();
            foreach (var (name, display, role, region, stationScope) in new[]
                     {
                         ("bench_province", "省厅基准账号", Roles.BureauOfficer, provinceCode, (Guid?)null),
                         ("bench_county", "县局基准账号", Roles.BureauOfficer, county, null),
                         ("bench_worker", worker.Name, Roles.SocialWorker, (string?)null, workerStation),
                     })
            {
                if (await users.FindByNameAsync(name) is null)
                {
                    await ManageAccounts.Create(db, users, clock, new AccountInput(name, display, Password, [role], region, stationScope, null, null, null), CancellationToken.None);
                }
            }
        }
        WebApp.ConfigurePipeline(app);
        await app.StartAsync();
        var baseAddress = new Uri(app.Urls.First());
        async Task<HttpClient> Client(string user)
        {
            var http = new HttpClient { BaseAddress = baseAddress };
            using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = Password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return http;
        }
        using var province = await Client("bench_province");
        using var countyClient = await Client("bench_county");
        using var workerClient = await Client("bench_worker");
        var year = o.Year.ToString(CultureInfo.InvariantCulture);
        var cases = new (string Name, HttpClient Http, string Url)[]
        {
            ("全省看板", province, $"/api/v1/progress?region={provinceCode}&period={year}"),
            ("县级看板", countyClient, $"/api/v1/progress?region={county}&period={year}"),
            ("社工个人", workerClient, $"/api/v1/progress?workerId={workerId}&period={year}"),
        };
        foreach (var (name, http, path) in cases)
        {
            using var probe = await http.GetAsync(path);
            if (probe.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{name} {path}: {(int)probe.StatusCode} {await probe.Content.ReadAsStringAsync()}");
            }
        }

        var from = new DateOnly(o.Year, 1, 1);
        var to = new DateOnly(o.Year, 12, 31);
        async Task<IReadOnlyDictionary<string, decimal>> Reference(string prefix)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await ProgressHooks.ReferenceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), profiles, prefix, from, to, CancellationToken.None);
        }
        // Warm-up, then rounds that time each in turn, so the shared machine's load falls on all of them alike.
        for (var i = 0; i < o.Warmup; i++)
        {
            await Reference(o.Province);
            foreach (var (_, http, path) in cases) (await http.GetAsync(path)).Dispose();
        }
        var baseline = new List<double>();
        var times = cases.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < o.Iterations; i++)
        {
            var w = Stopwatch.GetTimestamp();
            await Reference(o.Province);
            baseline.Add(Stopwatch.GetElapsedTime(w).TotalMilliseconds);
            for (var k = 0; k < cases.Length; k++)
            {
                w = Stopwatch.GetTimestamp();
                using var response = await cases[k].Http.GetAsync(cases[k].Url);
                await response.Content.ReadAsByteArrayAsync();
                times[k].Add(Stopwatch.GetElapsedTime(w).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }
        }

        // The dashboards must equal the raw query exactly: the province (the timed one) and, untimed, the county.
        var mismatches = new List<string>();
        var table = new List<string>();
        var provinceDone = await Reference(o.Province);
        var provinceApi = ProgressHooks.DoneFromApi(await province.GetFromJsonAsync<JsonElement>(cases[0].Url));
        var countyDone = await Reference(county);
        var countyApi = ProgressHooks.DoneFromApi(await countyClient.GetFromJsonAsync<JsonElement>(cases[1].Url));
        foreach (var key in provinceApi.Keys)
        {
            string Cell(IReadOnlyDictionary<string, decimal> raw, IReadOnlyDictionary<string, decimal> api, string label)
            {
                if (!raw.TryGetValue(key, out var e)) return $"{api.GetValueOrDefault(key):N0}（原始查询无此项，未比较）";
                if (e != api.GetValueOrDefault(key)) mismatches.Add($"{label} {key}: 原始查询 {e}，接口 {api.GetValueOrDefault(key)}");
                return e == api.GetValueOrDefault(key) ? $"{e:N0}" : $"原始 {e:N0} ≠ 接口 {api.GetValueOrDefault(key):N0}";
            }
            table.Add($"| {key} | {Cell(provinceDone, provinceApi, "全省")} | {Cell(countyDone, countyApi, "县")} |");
        }
        Console.WriteLine();
        Console.WriteLine($"进度查询（{o.Iterations} 轮，预热 {o.Warmup} 轮；接口含认证、授权与 JSON，进程内 Kestrel）：");
        Console.WriteLine("| 查询 | 中位数 ms | P95 ms | 中位数 ÷ 原始查询 | P95 ÷ 原始查询 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| 原始 GROUP BY（ProgressReference，全省） | {Median(baseline):0.0} | {P95(baseline):0.0} | 1 | 1 |");
        for (var k = 0; k < cases.Length; k++)
        {
            Console.WriteLine($"| {cases[k].Name} {cases[k].Url} | {Median(times[k]):0.0} | {P95(times[k]):0.0} | {Median(times[k]) / Median(baseline):0.000} | {P95(times[k]) / P95(baseline):0.000} |");
        }
        Console.WriteLine($"目标：接口 P95 ÷ 原始查询 P95 ≤ 0.05；全省 {P95(times[0]) / P95(baseline):0.000}");
        await app.StopAsync();
        Console.WriteLine();
        Console.WriteLine($"完成数（{o.Year} 年，接口与原始查询）：");
        Console.WriteLine($"| 标准 | 全省 {provinceCode} | 县 {county} |");
        Console.WriteLine("|---|---:|---:|");
        table.ForEach(Console.WriteLine);
        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException("接口的完成数与原始查询不一致：\n" + string.Join("\n", mismatches));
        }
        Console.WriteLine("接口的完成数与原始查询逐项一致。");
    }

    private static double Median(List<double> t) => Percentile(t, 0.5);
    private static double P95(List<double> t) => Percentile(t, 0.95);

    private static double Percentile(List<double> t, double p)
    {
        var s = t.OrderBy(x => x).ToList();
        var rank = p * (s.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return s[lo] + (s[hi] - s[lo]) * (rank - lo);
    }
}
