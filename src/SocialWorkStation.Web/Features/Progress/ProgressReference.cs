using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>
/// The hand-written SQL that counts a region's progress straight from the records, written apart from the
/// maintained counts on purpose: tests assert the two agree after edits, deletions and moves, and the
/// benchmark times the dashboards against it (docs/benchmarks.md). Same SQL on SQLite and PostgreSQL
/// except for reading hours. Counts by date, so a month-aligned period gives exactly the dashboard's numbers.
/// </summary>
public static class ProgressReference
{
    public sealed class Row
    {
        public string Key { get; set; } = "";
        public long Value { get; set; }
    }

    /// <summary>Done per standard key in the region (code prefix) from <paramref name="from"/> to <paramref name="to"/>; training in tenths of an hour.</summary>
    public static async Task<Dictionary<string, long>> ComputeAsync(AppDbContext db, ProfileCatalog profiles, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Each profile's thresholds as a VALUES list, so stations under different profiles count by their own numbers.
        var thresholds = new StringBuilder();
        foreach (var p in profiles.All)
        {
            var s = p.Standards;
            thresholds.Append(thresholds.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                $"('{p.Key}', {s?.ServicesPerCase?.Value ?? 0}, {s?.SessionsPerGroup?.Value ?? 1}, {s?.ParticipantTimesPerGroup?.Value ?? 0}, {s?.ParticipantsPerActivity?.Value ?? 0})");
        }
        var hours = db.Database.IsNpgsql()
            ? """CAST(ROUND(COALESCE(SUM(t."Hours"), 0) * 10) AS BIGINT)"""
            : """CAST(ROUND(COALESCE(SUM(CAST(t."Hours" AS REAL)), 0) * 10) AS INTEGER)""";
        // A month with at least one check counts once (Qiongzhong（五）3: one a month, the only number any profile sets).
        var month = db.Database.IsNpgsql() ? "date_trunc('month', x.\"CheckedOn\")" : "strftime('%Y-%m', x.\"CheckedOn\")";
        var sql = $$"""
            WITH th ("ProfileKey", "MinServices", "MinSessions", "MinTimes", "MinParticipants") AS (VALUES {{thresholds}}),
            st AS (SELECT p."Id", p."ProfileKey" FROM "Platforms" p WHERE p."RegionCode" LIKE {0}),
            served AS (
                SELECT s."On", ROW_NUMBER() OVER (PARTITION BY s."CaseId" ORDER BY s."On") AS n, th."MinServices"
                FROM "CaseService" s JOIN "Cases" c ON c."Id" = s."CaseId" JOIN st ON st."Id" = c."StationId"
                JOIN th ON th."ProfileKey" = st."ProfileKey"),
            sessions AS (
                SELECT gs."GroupId", gs."HeldOn", th."MinSessions", th."MinTimes",
                       ROW_NUMBER() OVER w AS n,
                       SUM((SELECT COUNT(*) FROM "GroupAttendance" a WHERE a."SessionId" = gs."Id")) OVER w AS times
                FROM "GroupSession" gs JOIN "Groups" g ON g."Id" = gs."GroupId" JOIN st ON st."Id" = g."StationId"
                JOIN th ON th."ProfileKey" = st."ProfileKey"
                WINDOW w AS (PARTITION BY gs."GroupId" ORDER BY gs."HeldOn", gs."Number" ROWS UNBOUNDED PRECEDING)),
            completed AS (SELECT "GroupId", MIN("HeldOn") AS "On" FROM sessions WHERE n >= "MinSessions" AND times >= "MinTimes" GROUP BY "GroupId"),
            counted AS (
                SELECT a."Id" FROM "Activities" a JOIN st ON st."Id" = a."StationId" JOIN th ON th."ProfileKey" = st."ProfileKey"
                WHERE a."Date" >= {1} AND a."Date" <= {2} AND a."ParticipantCount" >= th."MinParticipants")
            SELECT 'visits' AS "Key", COUNT(*) AS "Value" FROM "VisitWorkers" w JOIN "Visits" v ON v."Id" = w."VisitId" JOIN st ON st."Id" = v."StationId"
                WHERE v."Kind" = 0 AND v."VisitedOn" >= {1} AND v."VisitedOn" <= {2}
            UNION ALL SELECT 'recipientFiles', COUNT(*) FROM "Recipients" r JOIN st ON st."Id" = r."StationId" WHERE r."RegisteredOn" >= {1} AND r."RegisteredOn" <= {2}
            UNION ALL SELECT 'cases', COUNT(*) FROM "Cases" c JOIN st ON st."Id" = c."StationId" WHERE c."OpenedOn" >= {1} AND c."OpenedOn" <= {2}
            UNION ALL SELECT 'casesServed', COUNT(*) FROM served WHERE n = "MinServices" AND "On" >= {1} AND "On" <= {2}
            UNION ALL SELECT 'groups', COUNT(*) FROM completed WHERE "On" >= {1} AND "On" <= {2}
            UNION ALL SELECT 'activities', COUNT(*) FROM counted
            UNION ALL SELECT 'activities.socialWorkPublicity', COUNT(*) FROM counted c WHERE EXISTS (SELECT 1 FROM "ActivityKinds" k WHERE k."ActivityId" = c."Id" AND k."Kind" = 1)
            UNION ALL SELECT 'activities.volunteerAdvocacy', COUNT(*) FROM counted c WHERE EXISTS (SELECT 1 FROM "ActivityKinds" k WHERE k."ActivityId" = c."Id" AND k."Kind" = 2)
            UNION ALL SELECT 'volunteers.new', COUNT(*) FROM "Volunteers" x JOIN st ON st."Id" = x."StationId" WHERE x."RegisteredOn" >= {1} AND x."RegisteredOn" <= {2}
            UNION ALL SELECT 'volunteers.teams', COUNT(*) FROM "VolunteerTeams" x JOIN st ON st."Id" = x."StationId"
                WHERE x."FoundedOn" <= {2} AND (x."DisbandedOn" IS NULL OR x."DisbandedOn" > {2})
            UNION ALL SELECT 'featuredCases', COUNT(*) FROM "FeaturedCases" x JOIN st ON st."Id" = x."StationId" WHERE x."WrittenOn" >= {1} AND x."WrittenOn" <= {2}
            UNION ALL SELECT 'contractorChecks', COUNT(*) FROM (SELECT DISTINCT x."StationId", {{month}} AS m FROM "ContractorChecks" x
                JOIN st ON st."Id" = x."StationId" WHERE x."CheckedOn" >= {1} AND x."CheckedOn" <= {2}) covered
            UNION ALL SELECT 'training', {{hours}} FROM "WorkerTraining" t JOIN "Workers" k ON k."Id" = t."WorkerId" JOIN st ON st."Id" = k."PlatformId"
                WHERE t."Date" >= {1} AND t."Date" <= {2}
            """;
        // Thresholds are numbers and profile keys from the shipped files, never user input.
#pragma warning disable EF1002
        var rows = await db.Database.SqlQueryRaw<Row>(sql, regionPrefix + "%", from, to).ToListAsync(ct);
#pragma warning restore EF1002
        return rows.ToDictionary(r => r.Key, r => r.Value);
    }
}
