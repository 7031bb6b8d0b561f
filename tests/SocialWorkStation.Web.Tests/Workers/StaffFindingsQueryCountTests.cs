using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Workers;

/// <summary>
/// The county view of over 100 workers answers in the same number of queries as the view of 9: no query per worker.
/// Runs in 昌江 (469026), a county no other test uses.
/// </summary>
public sealed class StaffFindingsQueryCountTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string> Providers => Db.Providers;

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref Count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Interlocked.Increment(ref Count);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }
    }

    private static AppDbContext Context(TestApp app, CommandCounter counter) => app.Provider == "Postgres"
        ? new PgAppDbContext(new DbContextOptionsBuilder<PgAppDbContext>().UseNpgsql(app.ConnectionString).AddInterceptors(counter).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(app.ConnectionString).AddInterceptors(counter).Options);

    [Theory, MemberData(nameof(Providers))]
    public async Task The_county_view_does_not_query_per_worker(string db)
    {
        var app = TestApp.For(db);
        var profiles = app.Services.GetRequiredService<ProfileCatalog>();
        const string county = "469026";
        var townships = await app.WithDb(d => d.Regions.AsNoTracking().Where(r => r.ParentCode == county && r.Level == RegionLevel.Township).OrderBy(r => r.Code).ToListAsync());
        var stations = townships.Select((t, i) => new Platform
        {
            // Half the stations under Wenzhou's rules, so the villages query is part of the count.
            Name = $"{t.Name}社会工作服务站", Kind = PlatformKind.Station, RegionCode = t.Code, ProfileKey = i % 2 == 0 ? "hainan-qiongzhong" : "wenzhou",
            RequiredStaff = 4, CreatedAt = DateTime.UtcNow,
        }).ToList();
        await app.WithDb(async d =>
        {
            d.Platforms.AddRange(stations);
            return await d.SaveChangesAsync();
        });

        var scope = new UserScope(ScopeKind.Region, county, RegionLevel.County);
        var query = new StaffFindings.Query(new DateOnly(2026, 3, 1));

        async Task<(int Queries, int Workers, int Rows)> Measure()
        {
            var counter = new CommandCounter();
            await using var context = Context(app, counter);
            var (rows, _, workers) = await StaffFindings.Compute(context, profiles, scope, query, CancellationToken.None);
            return (counter.Count, workers, rows.Count);
        }

        // 昌江 has nine townships: 9 workers, then 108.
        await AddWorkers(app, stations, 1);
        var ten = await Measure();
        await AddWorkers(app, stations, 11);
        var hundred = await Measure();

        output.WriteLine($"{db}: {ten.Workers} workers, {ten.Rows} findings, {ten.Queries} queries; {hundred.Workers} workers, {hundred.Rows} findings, {hundred.Queries} queries");
        Assert.True(ten.Workers >= 9, $"workers: {ten.Workers}");
        Assert.True(hundred.Workers >= 100, $"workers: {hundred.Workers}");
        Assert.True(hundred.Rows > ten.Rows);
        Assert.Equal(ten.Queries, hundred.Queries);
        // Platforms, workers, certificates, trainings, contact villages, villages.
        Assert.True(hundred.Queries <= 6, $"queries for 100 workers: {hundred.Queries}");
    }

    private static Task AddWorkers(TestApp app, List<Platform> stations, int perStation) => app.WithDb(async d =>
    {
        foreach (var s in stations)
        {
            for (var i = 0; i < perStation; i++)
            {
                var id = WorkerTestData.Id("1990-06-15", area: "469026");
                var w = new Worker
                {
                    PlatformId = s.Id, Name = $"社工{i}", IdNumber = id, BirthDate = new DateOnly(1990, 6, 15), Sex = Sex.Male,
                    Role = i == 0 ? WorkerRole.Head : WorkerRole.Worker, Education = Education.Bachelor, Major = "社会工作",
                    MajorCategory = MajorCategory.SocialWork, HireDate = new DateOnly(2023, 3, 1), CreatedAt = DateTime.UtcNow,
                };
                w.Certificates.Add(new WorkerCertificate { Kind = CertificateKind.NationalAssistant, ObtainedOn = new DateOnly(2020, 6, 30), Registered = true });
                w.Trainings.Add(new WorkerTraining { Date = new DateOnly(2025, 5, 1), Hours = 20, Professional = true });
                w.Trainings.Add(new WorkerTraining { Date = new DateOnly(2026, 1, 10), Hours = 8, Professional = false });
                d.Workers.Add(w);
            }
        }
        return await d.SaveChangesAsync();
    });
}
