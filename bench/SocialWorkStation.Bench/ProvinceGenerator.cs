using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Domain.Groups;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Domain.Volunteers;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Features.ContractorChecks;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.Groups;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Features.Volunteers;
using SocialWorkStation.Web.Features.Workers;
using static ProvinceTexts;

/// <summary>The numbers of the policy profile the generator aims around (Qiongzhong's when the profile has none).</summary>
internal sealed record Thresholds(
    int VisitsPerWorker, int CasesPerStation, int ServicesPerCase, int GroupsPerStation, int SessionsPerGroup, int ParticipantTimesPerGroup,
    int ActivitiesPerStation, int ParticipantsPerActivity, int NewVolunteersPerStation, int VolunteerTeamsPerStation, int FeaturedCasesPerStation);

/// <summary>
/// Builds a province into the migrated schema with binary COPY: stations on a real province's townships, workers,
/// encrypted recipients, and a year of service records with a realistic spread (most stations on pace, some behind,
/// a few far behind; a quieter February). Every row keeps the platform's rules (valid GB 11643 numbers, dates in the
/// year and not after the as-of day, a case's services in its intervention, a session's attendance among the group's
/// members, stage timelines that the stage machine allows).
/// </summary>
internal sealed class ProvinceGenerator(ProvinceOptions o, string connection, IModel model, Thresholds t, Action<string> log)
{
    private readonly Calendar _cal = new(o.AsOf);
    private readonly HashSet<string> _idNumbers = new(StringComparer.Ordinal);
    private List<StationPlan> _stations = [];

    public IReadOnlyList<StationPlan> Stations => _stations;
    public Calendar Calendar => _cal;

    /// <summary>Service records written so far other than visits (case services, group sessions and attendance, activities).</summary>
    public long OtherServiceRecords { get; private set; }
    public long HomeVisits { get; private set; }
    public long PhoneGreetings { get; private set; }

    private Random Rng(int phase, int station) => new(unchecked(o.Seed * 7919 + phase * 1_000_003 + station));

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0, WriteBufferSize = 1 << 18 }.ToString());
        c.Open();
        return c;
    }

    // ---------------------------------------------------------------- plan

    /// <summary>Chooses the stations (the province's first townships by code), their pace class, their workers and rates.</summary>
    public void Plan(IReadOnlyList<(string Code, string Name, string County, string CountyName)> townships)
    {
        var r = Rng(1, 0);
        var order = Enumerable.Range(0, townships.Count).OrderBy(_ => r.Next()).ToArray();
        var classes = new PaceClass[townships.Count];
        for (var k = 0; k < order.Length; k++)
        {
            classes[order[k]] = k < townships.Count * 5 / 100 ? PaceClass.FarBehind : k < townships.Count * 20 / 100 ? PaceClass.Behind : PaceClass.OnPace;
        }
        _stations = townships.Select((tw, i) => new StationPlan
        {
            Index = i, Id = Guid.CreateVersion7(), RegionCode = tw.Code, CountyCode = tw.County, Township = tw.Name,
            Name = $"{tw.CountyName}{tw.Name}社会工作服务站", Class = classes[i],
            // Hunan lies at about 24.6–30.1° N, 108.8–114.3° E; each station gets a fixed spot for its visits' positions.
            Latitude = 24.8 + 5.0 * ((i * 7919 % 1000) / 1000.0), Longitude = 109.0 + 5.0 * ((i * 104729 % 1000) / 1000.0),
        }).ToList();

        // 3–8 workers a station (Wenzhou's range; Qiongzhong asks for at least 3), adjusted to the exact total.
        int[] sizes = [3, 4, 5, 6, 7, 8];
        double[] weights = [0.12, 0.22, 0.30, 0.18, 0.11, 0.07];
        var counts = _stations.Select(_ => Weighted(r, sizes, weights)).ToArray();
        var sum = counts.Sum();
        while (sum != o.Workers)
        {
            var i = r.Next(counts.Length);
            if (sum > o.Workers && counts[i] > 3) { counts[i]--; sum--; }
            else if (sum < o.Workers && counts[i] < 8) { counts[i]++; sum++; }
        }

        foreach (var s in _stations)
        {
            var n = counts[s.Index];
            var left = -1;
            var replacement = false;
            // A few leave during the year (stations with 4 or more posts), most of them replaced weeks later.
            if (n >= 4 && r.NextDouble() < 0.06)
            {
                replacement = r.NextDouble() < 0.7;
                // The replacement is the station's last worker, hired after the one who left.
                left = 1 + r.Next(replacement ? n - 2 : n - 1);
            }
            var newPost = left < 0 && r.NextDouble() < 0.03 ? n - 1 : -1;
            DateOnly? leftOn = left >= 0 ? Calendar.Uniform(r, new DateOnly(o.Year, 2, 1), o.AsOf.AddDays(-60)) : null;
            for (var k = 0; k < n; k++)
            {
                DateOnly hire;
                if (replacement && k == n - 1)
                {
                    hire = leftOn!.Value.AddDays(r.Next(7, 45));
                }
                else if (k == newPost)
                {
                    // A post added this year.
                    hire = Calendar.Uniform(r, new DateOnly(o.Year, 3, 1), o.AsOf.AddDays(-40));
                }
                else
                {
                    hire = Calendar.Uniform(r, new DateOnly(o.Year - (k == 0 ? 7 : 6), 1, 1), new DateOnly(o.Year - 1, k == 0 ? 6 : 12, 28));
                }
                s.Workers.Add(new WorkerPlan
                {
                    Id = Guid.CreateVersion7(), Station = s.Index, Name = RecipientLoad.Name(r), Role = k == 0 ? WorkerRole.Head : WorkerRole.Worker,
                    Hire = hire, Left = k == left ? leftOn : null,
                });
            }
            // Rates: home visits a year at this worker's pace, against the profile's 24; phone greetings fill the rest.
            var target = t.VisitsPerWorker;
            var slow = s.Class == PaceClass.FarBehind ? Math.Max(1, (int)Math.Round(s.Workers.Count * 2 / 3.0)) : 0;
            for (var k = 0; k < s.Workers.Count; k++)
            {
                var w = s.Workers[k];
                switch (s.Class)
                {
                    case PaceClass.OnPace:
                        // From just above the standard to many times it: home visits are about an eighth of the records.
                        w.HomeRate = target * (1.05 + 14 * Math.Pow(r.NextDouble(), 1.5));
                        w.PhoneWeight = 0.7 + 0.6 * r.NextDouble();
                        break;
                    case PaceClass.Behind:
                        w.HomeRate = target * (0.6 + 0.35 * r.NextDouble());
                        w.PhoneWeight = 0.5 + 0.3 * r.NextDouble();
                        break;
                    default:
                        // Most of a far-behind station's workers visit at a third of an already low rate.
                        w.Slow = k >= s.Workers.Count - slow;
                        w.HomeRate = target * (0.65 + 0.3 * r.NextDouble()) / (w.Slow ? 3 : 1);
                        w.PhoneWeight = (0.5 + 0.3 * r.NextDouble()) / (w.Slow ? 3 : 1);
                        break;
                }
                var (from, to) = w.Window(_cal);
                w.HomeVisits = (int)Math.Round(w.HomeRate * _cal.Share(from, to));
                HomeVisits += w.HomeVisits;
            }
        }
    }

    private static int Weighted(Random r, int[] values, double[] weights)
    {
        var u = r.NextDouble() * weights.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            if ((u -= weights[i]) <= 0) return values[i];
        }
        return values[^1];
    }

    private static T Weighted<T>(Random r, IReadOnlyList<(T Value, double Share)> items)
    {
        var u = r.NextDouble() * items.Sum(i => i.Share);
        foreach (var (value, share) in items)
        {
            if ((u -= share) <= 0) return value;
        }
        return items[^1].Value;
    }

    /// <summary>A valid GB 11643 number not used before by this generator (county address code, birth date, sex by the sequence's parity).</summary>
    private IdNumber MakeId(Random r, string address, DateOnly birth, Sex sex)
    {
        for (var attempt = 0; ; attempt++)
        {
            var sequence = r.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            var first17 = address + birth.AddDays(attempt / 20).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            if (_idNumbers.Add(first17))
            {
                return IdNumber.TryParse(first17 + IdNumber.CheckChar(first17), out var error) ?? throw new InvalidOperationException(error);
            }
        }
    }

    private static string Phone(Random r) => "1" + r.Pick(["33", "35", "37", "38", "39", "58", "77", "87"]) + r.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- organisations, stations, workers

    public async Task<long> WriteStationsAsync()
    {
        await using var c = Open();
        var contractors = new Dictionary<string, (Guid Id, string Manager)>();
        await using (var orgs = TableCopy.Begin<Organisation>(c, model, "Id", "Name", "Kind", "RegionCode", "Contact", "Phone", "Version"))
        {
            var r = Rng(2, 0);
            foreach (var county in _stations.GroupBy(s => s.CountyCode))
            {
                var id = Guid.CreateVersion7();
                var manager = RecipientLoad.Name(r);
                contractors[county.Key] = (id, manager);
                var countyName = county.First().Name[..^(county.First().Township.Length + "社会工作服务站".Length)];
                orgs.Row().Put(id).Put($"{countyName}社会工作服务中心").Put((int)OrganisationKind.Contractor).Put(county.Key)
                    .Put(manager).Put(Phone(r)).Put(1);
            }
            await orgs.CompleteAsync();
        }
        var now = DateTime.UtcNow;
        await using (var platforms = TableCopy.Begin<Platform>(c, model, "Id", "Name", "Kind", "RegionCode", "ProfileKey", "ContractorId", "Address", "Phone",
                         "OpeningHours", "FloorArea", "HasFireSafetyEquipment", "RequiredStaff", "CreatedAt", "Version"))
        {
            var r = Rng(3, 0);
            foreach (var s in _stations)
            {
                (s.ContractorId, s.Manager) = contractors[s.CountyCode];
                platforms.Row().Put(s.Id).Put(s.Name).Put((int)PlatformKind.Station).Put(s.RegionCode).Put(o.Profile).Put(s.ContractorId)
                    .Put($"{s.Township}人民政府大院").Put("0731-" + r.Next(2_000_000, 8_999_999).ToString(CultureInfo.InvariantCulture))
                    .Put("周一至周五 8:00-12:00，14:30-17:30").Put((decimal)(30 + r.Next(0, 90))).Put(r.NextDouble() < 0.95)
                    .Put(s.Workers.Count(w => w.Left is null)).Put(now).Put(1);
            }
            await platforms.CompleteAsync();
        }
        await using (var rooms = TableCopy.Begin<PlatformRoom>(c, model, "Id", "PlatformId", "Name", "Area"))
        {
            foreach (var s in _stations)
            {
                foreach (var (name, area) in new[] { ("社工办公室", 20m), ("个案工作室", 12m), ("小组活动室", 30m) })
                {
                    rooms.Row().Put(Guid.CreateVersion7()).Put(s.Id).Put(name).Put(area);
                }
            }
            await rooms.CompleteAsync();
        }
        await using (var equipment = TableCopy.Begin<PlatformEquipment>(c, model, "Id", "PlatformId", "Name", "Quantity"))
        {
            foreach (var s in _stations)
            {
                foreach (var name in new[] { "桌椅", "电脑", "打印机", "档案柜" })
                {
                    equipment.Row().Put(Guid.CreateVersion7()).Put(s.Id).Put(name).Put(2);
                }
            }
            await equipment.CompleteAsync();
        }
        return _stations.Count;
    }

    public async Task<long> WriteWorkersAsync(RecipientProtector protector)
    {
        await using var cw = Open();
        await using var cc = Open();
        await using var ct = Open();
        await using var workers = TableCopy.Begin<Worker>(cw, model, "Id", "PlatformId", "Name", "IdNumberCipher", "IdNumberHash", "IdTailHash", "BirthDate", "Sex", "Role", "Education", "Major",
            "MajorCategory", "HireDate", "LeftOn", "PracticeStartedOn", "LocalHukou", "ProvincialFreshGraduate", "TrainingBaseIntern", "CreatedAt", "Version");
        await using var certificates = TableCopy.Begin<WorkerCertificate>(cc, model, "Id", "WorkerId", "Kind", "ObtainedOn", "Registered");
        await using var trainings = TableCopy.Begin<WorkerTraining>(ct, model, "Id", "WorkerId", "Date", "Hours", "Provider", "Topic", "Professional");
        decimal[] hours = [3m, 4m, 6m, 7.5m, 8m, 12m, 16m, 24m, 40m];
        foreach (var s in _stations)
        {
            var r = Rng(4, s.Index);
            foreach (var w in s.Workers)
            {
                // 22–44 on the hire day: Qiongzhong hires at 45 or younger.
                var birth = w.Hire.AddYears(-(22 + r.Next(0, 23))).AddDays(-r.Next(0, 360));
                var id = MakeId(r, s.CountyCode, birth, r.NextDouble() < 0.35 ? Sex.Male : Sex.Female);
                var education = w.Role == WorkerRole.Head
                    ? Weighted<Education>(r, [(Education.JuniorCollege, 0.3), (Education.Bachelor, 0.6), (Education.Master, 0.1)])
                    : Weighted<Education>(r, [(Education.HighSchool, 0.03), (Education.JuniorCollege, 0.42), (Education.Bachelor, 0.5), (Education.Master, 0.05)]);
                var major = Weighted<(MajorCategory, string)>(r, Majors.Select(m => ((m.Kind, m.Major), m.Kind == MajorCategory.SocialWork ? 0.45 : m.Kind == MajorCategory.Related ? 0.1 : 0.083)).ToList());
                var practice = w.Role == WorkerRole.Head ? w.Hire.AddDays(-r.Next(0, 1100)) : w.Hire;
                if (practice < id.BirthDate.AddYears(18)) practice = id.BirthDate.AddYears(18);
                workers.Row().Put(w.Id).Put(s.Id).Put(w.Name).Put(protector.Encrypt(id.Value, Worker.Context(w.Id, "idNumber")))
                    .Put(Worker.HashOf(protector, id.Value)).Put(Worker.TailHashOf(protector, id.Value[^4..])).Put(id.BirthDate).Put((int)id.Sex).Put((int)w.Role).Put((int)education)
                    .Put(major.Item2).Put((int)major.Item1).Put(w.Hire).Opt(w.Left).Put(practice).Put(r.NextDouble() < 0.8).Put(r.NextDouble() < 0.05)
                    .Put(r.NextDouble() < 0.05).Put(Calendar.At(w.Hire, r)).Put(1);

                // Heads hold a national certificate (Qiongzhong); about half the workers do, a few a local one.
                var certificate = w.Role == WorkerRole.Head ? (r.NextDouble() < 0.7 ? CertificateKind.NationalAssistant : CertificateKind.National)
                    : Weighted<CertificateKind?>(r, [(CertificateKind.NationalAssistant, 0.4), (CertificateKind.National, 0.1), (CertificateKind.LocalWorker, 0.1), (null, 0.4)]);
                if (certificate is { } kind)
                {
                    var obtained = Calendar.Uniform(r, w.Hire.AddYears(-2), o.AsOf);
                    if (obtained <= id.BirthDate.AddYears(18)) obtained = id.BirthDate.AddYears(18).AddDays(1);
                    certificates.Row().Put(Guid.CreateVersion7()).Put(w.Id).Put((int)kind).Put(obtained).Put(r.NextDouble() < 0.5);
                }
                // Trainings: earlier years (toward the 120 hours of Qiongzhong (五)3(3)) and this year's, inside the days worked.
                var (from, to) = w.Window(_cal);
                var earlier = certificate is null ? r.Next(2, 7) : r.Next(0, 3);
                for (var k = 0; k < earlier; k++)
                {
                    var day = Calendar.Uniform(r, w.Hire > new DateOnly(o.Year - 5, 1, 1) ? w.Hire : new DateOnly(o.Year - 5, 1, 1), _cal.YearStart.AddDays(-1));
                    if (day < w.Hire) continue;
                    trainings.Row().Put(Guid.CreateVersion7()).Put(w.Id).Put(day).Put(r.Pick(hours)).Put(r.Pick(TrainingProviders)).Put(r.Pick(TrainingTopics)).Put(r.NextDouble() < 0.85);
                }
                var thisYear = to < from ? 0 : r.Next(1, 6);
                for (var k = 0; k < thisYear; k++)
                {
                    trainings.Row().Put(Guid.CreateVersion7()).Put(w.Id).Put(_cal.Sample(r, from, to)).Put(r.Pick(hours)).Put(r.Pick(TrainingProviders))
                        .Put(r.Pick(TrainingTopics)).Put(r.NextDouble() < 0.85);
                }
            }
        }
        await workers.CompleteAsync();
        await certificates.CompleteAsync();
        await trainings.CompleteAsync();
        return workers.Rows;
    }

    // ---------------------------------------------------------------- recipients

    /// <summary>
    /// The recipients, generated by the search benchmark's code (RecipientLoad: encryption, keyed hashes, pinyin keys)
    /// in two halves on two threads and connections; each recipient gets a registration date (most in earlier years,
    /// some this year), and a responsible worker of the station.
    /// </summary>
    public async Task<long> WriteRecipientsAsync(RecipientProtector protector)
    {
        var count = o.Recipients;
        var s = _stations.Count;
        foreach (var st in _stations)
        {
            var n = (count - st.Index + s - 1) / s;
            st.RecipientIds = new Guid[n];
            st.RecipientRegistered = new int[n];
            st.RecipientWorker = new int[n];
        }
        var active = _stations.Select(st => Enumerable.Range(0, st.Workers.Count).Where(k => st.Workers[k].ActiveOn(o.AsOf)).ToArray()).ToArray();
        var platforms = _stations.Select(st => new Platform { Id = st.Id, RegionCode = st.RegionCode }).ToList();
        var earliest = new DateOnly(o.Year - 5, 1, 1);

        Task<int> Half(int start, int n, int seed) => Task.Run(async () =>
        {
            var index = start;
            void Shape(Recipient rec, Random r)
            {
                var st = _stations[index % s];
                var pos = index / s;
                index++;
                var thisYear = r.NextDouble() < (st.Class == PaceClass.FarBehind ? 0.005 : 0.07);
                var registered = thisYear ? _cal.Sample(r, _cal.YearStart, o.AsOf) : Calendar.Uniform(r, earliest, _cal.YearStart.AddDays(-1));
                rec.RegisteredOn = registered;
                rec.ConsentOn = registered;
                rec.CreatedAt = Calendar.At(registered, r);
                var workers = active[st.Index];
                var k = workers.Length == 0 ? -1 : workers[pos % workers.Length];
                rec.WorkerId = k < 0 ? null : st.Workers[k].Id;
                st.RecipientIds[pos] = rec.Id;
                st.RecipientRegistered[pos] = registered.DayNumber;
                st.RecipientWorker[pos] = k;
            }
            var rows = RecipientLoad.Generate(n, platforms, protector, seed, p => p.RegionCode[..6], Shape, start);
            return await RecipientLoad.Copy(connection, rows, null, null, 0);
        });

        var half = count / 2;
        var loaded = await Task.WhenAll(Half(0, half, o.Seed), Half(half, count - half, o.Seed + 1));
        foreach (var st in _stations)
        {
            st.Caseloads = st.Workers.Select(_ => new List<int>()).ToArray();
            for (var pos = 0; pos < st.RecipientIds.Length; pos++)
            {
                if (st.RecipientWorker[pos] >= 0) st.Caseloads[st.RecipientWorker[pos]].Add(pos);
                if (st.RecipientRegistered[pos] < _cal.YearStart.DayNumber) st.Earlier.Add(pos);
                else st.NewRecipients++;
            }
        }
        return loaded.Sum();
    }

    /// <summary>A recipient of the station registered by <paramref name="day"/>, not in <paramref name="taken"/>.</summary>
    private static int AnyRecipient(StationPlan s, Random r, DateOnly day, HashSet<int>? taken = null)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var pos = s.Earlier.Count > 0 && attempt >= 10 ? s.Earlier[r.Next(s.Earlier.Count)] : r.Next(s.RecipientIds.Length);
            if (s.RecipientRegistered[pos] <= day.DayNumber && (taken is null || taken.Add(pos)))
            {
                return pos;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- cases

    public async Task<long> WriteCasesAsync()
    {
        await using var c1 = Open();
        await using var c2 = Open();
        await using var c3 = Open();
        await using var cases = TableCopy.Begin<Case>(c1, model, "Id", "StationId", "RecipientId", "WorkerId", "OpenedOn", "Stage", "StageSince", "Assessment",
            "Evaluation", "PlanReviewedBy", "PlanReviewedAt", "EvaluationReviewedBy", "EvaluationReviewedAt", "ReferredTo", "CreatedAt", "Version");
        await using var services = TableCopy.Begin<CaseService>(c2, model, "Id", "CaseId", "On", "Content", "CreatedAt");
        await using var needs = TableCopy.Begin<CaseNeed>(c3, model, "Id", "CaseId", "Text");
        var goalsRows = new List<(Guid Case, string Text)>();
        foreach (var s in _stations)
        {
            var r = Rng(5, s.Index);
            var (n, served) = s.Class switch
            {
                PaceClass.OnPace => (t.CasesPerStation + r.Next(0, 6), t.CasesPerStation + (r.Next(3) == 0 ? 1 : 0)),
                PaceClass.Behind => (Math.Max(1, t.CasesPerStation - 1) + r.Next(0, 2), Math.Max(1, t.CasesPerStation - 1)),
                _ => (r.Next(0, 2), 0),
            };
            served = Math.Min(served, n);
            var taken = new HashSet<int>();
            for (var k = 0; k < n; k++)
            {
                var mustServe = k < served;
                var opened = _cal.Sample(r, _cal.YearStart, mustServe ? o.AsOf.AddDays(-75) : o.AsOf);
                var pos = AnyRecipient(s, r, opened, taken);
                var workers = s.ActiveAt(opened);
                if (pos < 0 || workers.Count == 0) continue;
                var worker = r.Pick(workers);
                var id = Guid.CreateVersion7();
                var assessOn = opened.AddDays(r.Next(2, 10));
                var planOn = assessOn.AddDays(r.Next(3, 12));
                var reviewOn = planOn.AddDays(r.Next(1, 6));
                var interventionOn = reviewOn.AddDays(r.Next(0, 4));
                var stage = CaseStage.Intake;
                var since = opened;
                DateOnly? planReviewed = null, evaluationReviewed = null;
                string? evaluation = null, referredTo = null;
                var dates = new List<DateOnly>();
                if (assessOn <= o.AsOf) (stage, since) = (CaseStage.Assessment, assessOn);
                if (planOn <= o.AsOf) (stage, since) = (CaseStage.Plan, planOn);
                if (reviewOn <= o.AsOf && (interventionOn <= o.AsOf || r.NextDouble() < 0.5)) planReviewed = reviewOn;
                if (interventionOn <= o.AsOf)
                {
                    (stage, since) = (CaseStage.Intervention, interventionOn);
                    var count = mustServe ? t.ServicesPerCase + r.Next(0, 8) : r.Next(0, t.ServicesPerCase * 2);
                    var until = interventionOn.AddDays(r.Next(30, 150));
                    if (until > o.AsOf) until = o.AsOf;
                    for (var i = 0; i < count; i++) dates.Add(_cal.Sample(r, interventionOn, until));
                    dates.Sort();
                    if (dates.Count > 0 && (dates.Count >= t.ServicesPerCase || r.NextDouble() < 0.2) && r.NextDouble() < 0.6)
                    {
                        var evaluated = dates[^1].AddDays(r.Next(5, 20));
                        if (evaluated <= o.AsOf)
                        {
                            (stage, since, evaluation) = (CaseStage.Evaluation, evaluated, Evaluation);
                            var reviewed = evaluated.AddDays(r.Next(3, 10));
                            if (reviewed <= o.AsOf && r.NextDouble() < 0.7)
                            {
                                evaluationReviewed = reviewed;
                                var closed = reviewed.AddDays(r.Next(0, 3));
                                (stage, since) = (CaseStage.Closed, closed > o.AsOf ? o.AsOf : closed);
                            }
                        }
                    }
                }
                // A few are referred to another organisation from the stage they reached (MZ/T 094-2017 allows it from any open stage).
                if (!mustServe && CaseStages.IsOpen(stage) && r.NextDouble() < 0.06)
                {
                    var referred = (dates.Count > 0 ? dates[^1] : since).AddDays(r.Next(1, 10));
                    if (referred <= o.AsOf)
                    {
                        (stage, since, referredTo) = (CaseStage.Referred, referred, r.Pick(Referrals));
                    }
                }
                var reachedPlan = planOn <= o.AsOf && (stage != CaseStage.Referred || since >= planOn);
                if (stage == CaseStage.Referred && planReviewed > since) planReviewed = null;
                cases.Row().Put(id).Put(s.Id).Put(s.RecipientIds[pos]).Put(worker.Id).Put(opened).Put((int)stage).Put(since)
                    .OptRef(assessOn <= o.AsOf ? Assessment : null).OptRef(evaluation)
                    .OptRef(planReviewed is null ? null : "督导" + RecipientLoad.Name(r)).Opt(planReviewed is { } pr ? Calendar.At(pr, r) : (DateTime?)null)
                    .OptRef(evaluationReviewed is null ? null : "督导" + RecipientLoad.Name(r)).Opt(evaluationReviewed is { } er ? Calendar.At(er, r) : (DateTime?)null)
                    .OptRef(referredTo).Put(Calendar.At(opened, r)).Put(1 + (int)stage + dates.Count);
                for (var i = r.Next(1, 4); i > 0; i--) needs.Row().Put(Guid.CreateVersion7()).Put(id).Put(r.Pick(CaseNeeds));
                if (reachedPlan)
                {
                    for (var i = r.Next(1, 4); i > 0; i--) goalsRows.Add((id, r.Pick(CaseGoals)));
                }
                foreach (var d in dates)
                {
                    services.Row().Put(Guid.CreateVersion7()).Put(id).Put(d).Put(r.Pick(CaseServices)).Put(Calendar.At(d, r));
                }
                OtherServiceRecords += dates.Count;
                s.CasesOpened++;
                if (dates.Count >= t.ServicesPerCase) s.CasesServed++;
            }
        }
        await cases.CompleteAsync();
        await services.CompleteAsync();
        await needs.CompleteAsync();
        await using (var goals = TableCopy.Begin<CaseGoal>(c1, model, "Id", "CaseId", "Text"))
        {
            foreach (var (id, text) in goalsRows) goals.Row().Put(Guid.CreateVersion7()).Put(id).Put(text);
            await goals.CompleteAsync();
        }
        return services.Rows;
    }

    // ---------------------------------------------------------------- groups

    private enum GroupDesign { Complete, Edge16, Edge15, LateStart, LowAttendance, Open }

    public async Task<long> WriteGroupsAsync()
    {
        await using var c1 = Open();
        await using var c2 = Open();
        await using var c3 = Open();
        await using var c4 = Open();
        await using var groups = TableCopy.Begin<Group>(c1, model, "Id", "StationId", "Name", "Purpose", "Stage", "PlannedSessions", "StartedOn", "CreatedAt", "Version");
        await using var members = TableCopy.Begin<GroupMember>(c2, model, "Id", "GroupId", "RecipientId");
        await using var sessions = TableCopy.Begin<GroupSession>(c3, model, "Id", "GroupId", "StationId", "Number", "HeldOn", "Content", "CreatedAt");
        await using var attendance = TableCopy.Begin<GroupAttendance>(c4, model, "Id", "SessionId", "RecipientId");
        var minSessions = t.SessionsPerGroup;
        var minTimes = t.ParticipantTimesPerGroup;
        foreach (var s in _stations)
        {
            var r = Rng(6, s.Index);
            var designs = new List<GroupDesign>();
            switch (s.Class)
            {
                case PaceClass.OnPace:
                    for (var k = 0; k < t.GroupsPerStation; k++) designs.Add(r.NextDouble() < 0.1 ? GroupDesign.Edge16 : GroupDesign.Complete);
                    for (var k = r.Next(0, 4); k > 0; k--) designs.Add(r.Pick([GroupDesign.Complete, GroupDesign.Open, GroupDesign.LateStart, GroupDesign.LowAttendance, GroupDesign.Edge15]));
                    break;
                case PaceClass.Behind:
                    for (var k = 0; k < Math.Max(1, t.GroupsPerStation - 1); k++) designs.Add(GroupDesign.Complete);
                    if (r.NextDouble() < 0.6) designs.Add(r.Pick([GroupDesign.LateStart, GroupDesign.LowAttendance, GroupDesign.Edge15]));
                    break;
                default:
                    if (r.NextDouble() < 0.5) designs.Add(r.Pick([GroupDesign.LateStart, GroupDesign.LowAttendance]));
                    break;
            }
            foreach (var design in designs)
            {
                var (name, purpose) = r.Pick(Groups);
                var interval = r.NextDouble() < 0.7 ? 7 : 14;
                var planned = design is GroupDesign.Edge16 or GroupDesign.Edge15 ? minSessions : minSessions + r.Next(0, 5);
                var size = design switch
                {
                    GroupDesign.LowAttendance => Math.Max(1, (minTimes - 1) / (planned + 1)),
                    GroupDesign.Edge16 or GroupDesign.Edge15 => (minTimes + minSessions - 1) / minSessions + 1,
                    _ => 5 + r.Next(0, 8),
                };
                var started = design switch
                {
                    GroupDesign.LateStart => _cal.Sample(r, o.AsOf.AddDays(-40), o.AsOf.AddDays(-5)),
                    GroupDesign.Open => _cal.Sample(r, _cal.YearStart, o.AsOf.AddDays(-5)),
                    _ => _cal.Sample(r, _cal.YearStart, o.AsOf.AddDays(-(interval + 2) * planned - 7)),
                };
                var taken = new HashSet<int>();
                var group = new List<int>();
                for (var k = 0; k < size; k++)
                {
                    var pos = AnyRecipient(s, r, started, taken);
                    if (pos >= 0) group.Add(pos);
                }
                if (group.Count == 0) continue;
                var days = new List<DateOnly>();
                for (var k = 0; k < planned; k++)
                {
                    var day = started.AddDays(k * interval + r.Next(0, 3));
                    if (day > o.AsOf) break;
                    days.Add(day);
                }
                // Who attended each session: members only; complete designs reach the participant-times, the edges land on them exactly.
                var present = days.Select(_ => group.Where(_ => r.NextDouble() < 0.8).ToList()).ToList();
                foreach (var p in present.Where(p => p.Count == 0)) p.Add(r.Pick(group));
                var total = present.Sum(p => p.Count);
                var wanted = design switch
                {
                    GroupDesign.Edge16 => minTimes,
                    GroupDesign.Edge15 => minTimes - 1,
                    GroupDesign.Complete when days.Count >= minSessions => Math.Max(total, minTimes),
                    _ => total,
                };
                for (var k = 0; total < wanted && k < days.Count * group.Count; k++)
                {
                    var p = present[k % days.Count];
                    var m = group.FirstOrDefault(x => !p.Contains(x), -1);
                    if (m >= 0) { p.Add(m); total++; }
                }
                for (var k = 0; total > wanted && k < days.Count * group.Count; k++)
                {
                    var p = present[k % days.Count];
                    if (p.Count > 1) { p.RemoveAt(p.Count - 1); total--; }
                }
                var stage = days.Count == 0 ? GroupStage.Preparation : days.Count == planned ? GroupStage.Ending
                    : days.Count * 3 < planned ? GroupStage.Formation : days.Count * 3 < planned * 2 ? GroupStage.Transition : GroupStage.Maturity;
                var id = Guid.CreateVersion7();
                var created = started.AddDays(-r.Next(3, 20));
                groups.Row().Put(id).Put(s.Id).Put($"{s.Township}{name}").Put(purpose).Put((int)stage).Put(planned).Put(started)
                    .Put(Calendar.At(created < _cal.YearStart ? _cal.YearStart : created, r)).Put(1 + days.Count);
                foreach (var m in group) members.Row().Put(Guid.CreateVersion7()).Put(id).Put(s.RecipientIds[m]);
                for (var k = 0; k < days.Count; k++)
                {
                    var session = Guid.CreateVersion7();
                    sessions.Row().Put(session).Put(id).Put(s.Id).Put(k + 1).Put(days[k]).Put($"第{k + 1}节：{SessionTopics[k % SessionTopics.Length]}").Put(Calendar.At(days[k], r));
                    foreach (var m in present[k]) attendance.Row().Put(Guid.CreateVersion7()).Put(session).Put(s.RecipientIds[m]);
                }
                OtherServiceRecords += days.Count + total;
                if (days.Count >= minSessions && total >= minTimes) s.GroupsComplete++;
            }
        }
        await groups.CompleteAsync();
        await members.CompleteAsync();
        await sessions.CompleteAsync();
        await attendance.CompleteAsync();
        return sessions.Rows + attendance.Rows;
    }

    // ---------------------------------------------------------------- activities

    public async Task<long> WriteActivitiesAsync()
    {
        await using var c1 = Open();
        await using var c2 = Open();
        await using var c3 = Open();
        await using var activities = TableCopy.Begin<Activity>(c1, model, "Id", "StationId", "Date", "Place", "Theme", "ParticipantCount", "Content", "Outcome", "CreatedAt", "Version");
        await using var kinds = TableCopy.Begin<ActivityKindEntry>(c2, model, "ActivityId", "Kind");
        await using var workers = TableCopy.Begin<ActivityWorker>(c3, model, "Id", "ActivityId", "Name");
        var min = t.ParticipantsPerActivity;
        foreach (var s in _stations)
        {
            var r = Rng(7, s.Index);
            // Counted activities (enough participants) with the required kinds first, then some that fall short of the number.
            var (counted, shortOf) = s.Class switch
            {
                PaceClass.OnPace => (t.ActivitiesPerStation + r.Next(0, 6), r.Next(0, 4)),
                PaceClass.Behind => (Math.Max(2, t.ActivitiesPerStation - 1), r.Next(0, 3)),
                _ => (r.Next(0, 2), r.Next(0, 3)),
            };
            for (var k = 0; k < counted + shortOf; k++)
            {
                var counts = k < counted;
                var primary = counts && k == 0 ? ActivityKind.SocialWorkPublicity
                    : counts && k == 1 && s.Class != PaceClass.FarBehind ? ActivityKind.VolunteerAdvocacy
                    : r.NextDouble() < 0.1 ? r.Pick([ActivityKind.SocialWorkPublicity, ActivityKind.VolunteerAdvocacy]) : r.Pick(DomainKinds);
                var date = primary switch
                {
                    // Social work week around 18 March; Lei Feng day (5 March) for volunteering.
                    ActivityKind.SocialWorkPublicity when r.NextDouble() < 0.5 => _cal.Sample(r, new DateOnly(o.Year, 3, 10), new DateOnly(o.Year, 3, 25)),
                    ActivityKind.VolunteerAdvocacy when r.NextDouble() < 0.4 => _cal.Sample(r, new DateOnly(o.Year, 3, 1), new DateOnly(o.Year, 3, 10)),
                    _ => _cal.Sample(r, _cal.YearStart, o.AsOf),
                };
                if (date > o.AsOf) date = o.AsOf;
                var participants = counts
                    ? (r.NextDouble() < 0.05 ? min : r.NextDouble() < 0.5 ? min + 1 + r.Next(0, 15) : min + 16 + r.Next(0, 55))
                    : (r.NextDouble() < 0.25 ? min - 1 : Math.Max(1, min - 6 + r.Next(0, 5)));
                var id = Guid.CreateVersion7();
                activities.Row().Put(id).Put(s.Id).Put(date).Put(s.Township + r.Pick(ActivityPlaces)).Put(ActivityTheme(primary, r)).Put(participants)
                    .Put("开展主题宣讲、互动游戏和现场咨询").Put("参与群众反响良好，收集需求若干条").Put(Calendar.At(date, r)).Put(1);
                kinds.Row().Put(id).Put((int)primary);
                if (r.NextDouble() < 0.3)
                {
                    var second = r.Pick(DomainKinds);
                    if (second != primary) kinds.Row().Put(id).Put((int)second);
                }
                var staff = s.ActiveAt(date);
                if (staff.Count == 0) staff = s.Workers;
                foreach (var w in staff.OrderBy(_ => r.Next()).Take(1 + r.Next(0, 3))) workers.Row().Put(Guid.CreateVersion7()).Put(id).Put(w.Name);
                OtherServiceRecords++;
                if (counts)
                {
                    s.ActivitiesCounted++;
                    if (primary == ActivityKind.SocialWorkPublicity) s.PublicityCounted++;
                    if (primary == ActivityKind.VolunteerAdvocacy) s.AdvocacyCounted++;
                }
            }
        }
        await activities.CompleteAsync();
        await kinds.CompleteAsync();
        await workers.CompleteAsync();
        return activities.Rows;
    }

    // ---------------------------------------------------------------- volunteers, teams, featured cases

    public async Task<long> WriteVolunteersAsync()
    {
        await using var c1 = Open();
        await using var c2 = Open();
        await using var c3 = Open();
        await using var volunteers = TableCopy.Begin<Volunteer>(c1, model, "Id", "StationId", "Name", "IdType", "IdNumber", "Sex", "BirthDate", "Phone",
            "VolunteerNumber", "RegisteredOn", "Skills", "CreatedAt", "Version");
        await using var teams = TableCopy.Begin<VolunteerTeam>(c2, model, "Id", "StationId", "Name", "FoundedOn", "DisbandedOn", "Leader", "LeaderPhone",
            "ServiceArea", "CreatedAt", "Version");
        await using var teamMembers = TableCopy.Begin<VolunteerTeamMember>(c3, model, "TeamId", "VolunteerId");
        var target = t.NewVolunteersPerStation;
        foreach (var s in _stations)
        {
            var r = Rng(8, s.Index);
            var fresh = s.Class switch
            {
                PaceClass.OnPace => target + r.Next(0, target + 1),
                PaceClass.Behind => (int)(target * (0.6 + 0.28 * r.NextDouble())),
                _ => (int)(target * (0.1 + 0.3 * r.NextDouble())),
            };
            var earlier = 10 + r.Next(0, 31);
            var ids = new List<(Guid Id, string Name)>();
            for (var k = 0; k < fresh + earlier; k++)
            {
                var registered = k < fresh ? _cal.Sample(r, _cal.YearStart, o.AsOf) : Calendar.Uniform(r, new DateOnly(o.Year - 4, 1, 1), _cal.YearStart.AddDays(-1));
                var birth = registered.AddYears(-(18 + r.Next(0, 50))).AddDays(-r.Next(0, 360));
                var id = MakeId(r, s.CountyCode, birth, r.NextDouble() < 0.45 ? Sex.Male : Sex.Female);
                var volunteer = Guid.CreateVersion7();
                var name = RecipientLoad.Name(r);
                volunteers.Row().Put(volunteer).Put(s.Id).Put(name).Put((int)IdentityDocumentType.ResidentId).Put(id.Value).Put((int)id.Sex).Put(id.BirthDate)
                    .Put(Phone(r)).OptRef(r.NextDouble() < 0.4 ? r.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) + r.Next(0, 10).ToString(CultureInfo.InvariantCulture) : null)
                    .Put(registered).OptRef(r.NextDouble() < 0.5 ? r.Pick(VolunteerSkills) : null).Put(Calendar.At(registered, r)).Put(1);
                ids.Add((volunteer, name));
            }
            s.NewVolunteers = fresh;
            var (active, disbanded) = s.Class switch
            {
                PaceClass.OnPace => (t.VolunteerTeamsPerStation + r.Next(0, 3), 0),
                PaceClass.Behind => (Math.Max(1, t.VolunteerTeamsPerStation), 0),
                _ => (0, r.Next(0, 2)),
            };
            for (var k = 0; k < active + disbanded; k++)
            {
                var (name, area) = Teams[k % Teams.Length];
                var founded = Calendar.Uniform(r, new DateOnly(o.Year - 3, 1, 1), o.AsOf.AddDays(-60));
                DateOnly? gone = k >= active ? Calendar.Uniform(r, founded.AddDays(30) > _cal.YearStart ? founded.AddDays(30) : _cal.YearStart, o.AsOf) : null;
                var team = Guid.CreateVersion7();
                var leader = r.Pick(ids);
                teams.Row().Put(team).Put(s.Id).Put($"{s.Township}{name}").Put(founded).Opt(gone).Put(leader.Name).Put(Phone(r)).Put(area)
                    .Put(Calendar.At(founded, r)).Put(1);
                foreach (var v in ids.OrderBy(_ => r.Next()).Take(5 + r.Next(0, 16))) teamMembers.Row().Put(team).Put(v.Id);
            }
            s.ActiveTeams = active;
        }
        await volunteers.CompleteAsync();
        await teams.CompleteAsync();
        await teamMembers.CompleteAsync();
        return volunteers.Rows;
    }

    public async Task<long> WriteFeaturedCasesAsync()
    {
        await using var c = Open();
        await using var featured = TableCopy.Begin<FeaturedCase>(c, model, "Id", "StationId", "Title", "Domain", "WrittenOn", "Authors", "Summary", "Body", "CreatedAt", "Version");
        foreach (var s in _stations)
        {
            var r = Rng(9, s.Index);
            var n = s.Class switch
            {
                PaceClass.OnPace => t.FeaturedCasesPerStation + (r.NextDouble() < 0.25 ? 1 : 0),
                PaceClass.Behind => t.FeaturedCasesPerStation,
                _ => 0,
            };
            for (var k = 0; k < n; k++)
            {
                var written = _cal.Sample(r, new DateOnly(o.Year, 4, 1), o.AsOf);
                var authors = string.Join("、", s.Workers.OrderBy(_ => r.Next()).Take(1 + r.Next(0, 2)).Select(w => w.Name));
                featured.Row().Put(Guid.CreateVersion7()).Put(s.Id).Put(r.Pick(FeaturedTitles)).Opt(r.NextDouble() < 0.7 ? (int)r.Pick(DomainKinds) : (int?)null)
                    .Put(written).Put(authors).Put(FeaturedParagraphs[0]).Put(string.Join("\n", FeaturedParagraphs)).Put(Calendar.At(written, r)).Put(1);
            }
            s.FeaturedCases = n;
        }
        await featured.CompleteAsync();
        return featured.Rows;
    }

    /// <summary>
    /// The contractor's project manager checks each station (Qiongzhong: at least once a month): every month at a
    /// station on pace, one or two months missed at a station behind (often the Spring Festival month), several at
    /// one far behind. Checks fall on days up to the as-of day.
    /// </summary>
    public async Task<long> WriteContractorChecksAsync()
    {
        await using var c = Open();
        await using var checks = TableCopy.Begin<ContractorCheck>(c, model, "Id", "StationId", "CheckedOn", "CheckedBy", "Findings", "Guidance", "CreatedAt", "Version");
        foreach (var s in _stations)
        {
            var r = Rng(11, s.Index);
            var months = Enumerable.Range(1, o.AsOf.Month).ToList();
            var missed = s.Class switch
            {
                PaceClass.OnPace => 0,
                PaceClass.Behind => 1 + r.Next(0, 2),
                _ => 3 + r.Next(0, 4),
            };
            var skip = months.OrderBy(m => m == 2 ? -1 : r.Next(1, 100)).Take(Math.Min(missed, months.Count)).ToHashSet();
            foreach (var m in months.Where(m => !skip.Contains(m)))
            {
                var first = new DateOnly(o.Year, m, 1);
                var last = first.AddMonths(1).AddDays(-1) < o.AsOf ? first.AddMonths(1).AddDays(-1) : o.AsOf;
                for (var k = r.NextDouble() < 0.15 ? 2 : 1; k > 0; k--)
                {
                    var day = _cal.Sample(r, first, last);
                    checks.Row().Put(Guid.CreateVersion7()).Put(s.Id).Put(day).Put(s.Manager).Put(r.Pick(CheckFindings)).Put(r.Pick(CheckGuidance))
                        .Put(Calendar.At(day, r)).Put(1);
                }
            }
            s.MonthsChecked = months.Count - skip.Count;
        }
        await checks.CompleteAsync();
        return checks.Rows;
    }

    // ---------------------------------------------------------------- visits (the bulk)

    /// <summary>
    /// Home visits at each worker's rate, and phone greetings that bring the service records to exactly the
    /// number asked for, spread over the workers by their weight and the days they worked. Written as three
    /// COPY streams at once (visits, their workers, their recipients) on three connections.
    /// </summary>
    public async Task<(long Visits, long Workers, long Recipients)> WriteVisitsAsync()
    {
        var phones = o.Records - OtherServiceRecords - HomeVisits;
        if (phones < 0)
        {
            throw new InvalidOperationException($"--records {o.Records:N0} is less than the other service records ({OtherServiceRecords + HomeVisits:N0})");
        }
        // Largest-remainder allocation of the phone greetings by weight × share of the year worked.
        var all = _stations.SelectMany(s => s.Workers).ToList();
        var weights = all.Select(w => { var (f, to) = w.Window(_cal); return w.PhoneWeight * _cal.Share(f, to); }).ToArray();
        var total = weights.Sum();
        var exact = weights.Select(x => phones * x / total).ToArray();
        for (var i = 0; i < all.Count; i++) all[i].PhoneGreetings = (int)Math.Floor(exact[i]);
        var rest = phones - all.Sum(w => (long)w.PhoneGreetings);
        foreach (var i in Enumerable.Range(0, all.Count).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).Take((int)rest)) all[i].PhoneGreetings++;
        PhoneGreetings = phones;

        return await Task.Run(async () =>
        {
            await using var c1 = Open();
            await using var c2 = Open();
            await using var c3 = Open();
            await using var visits = TableCopy.BeginFrozen<Visit>(c1, model, "Id", "StationId", "Kind", "VisitedOn", "RecordedOn", "BackFilled", "Place", "Domain",
                "Findings", "ServiceContent", "FollowUpNeeded", "FollowUp", "Latitude", "Longitude", "IdempotencyKey", "CreatedAt", "Version");
            await using var visitWorkers = TableCopy.BeginFrozen<VisitWorker>(c2, model, "Id", "VisitId", "WorkerId");
            await using var visitRecipients = TableCopy.BeginFrozen<VisitRecipient>(c3, model, "Id", "VisitId", "RecipientId");
            foreach (var s in _stations)
            {
                var r = Rng(10, s.Index);
                for (var k = 0; k < s.Workers.Count; k++)
                {
                    var w = s.Workers[k];
                    var (from, to) = w.Window(_cal);
                    if (to < from) continue;
                    var caseload = s.Caseloads[k];
                    for (var i = 0; i < w.HomeVisits + w.PhoneGreetings; i++)
                    {
                        var home = i < w.HomeVisits;
                        var day = _cal.Sample(r, from, to);
                        // Mostly the worker's own recipients, the key ones more often; a recipient registered later is not visited before.
                        var pos = caseload.Count > 0 && r.NextDouble() < 0.85 ? caseload[(int)(caseload.Count * Math.Pow(r.NextDouble(), 1.8))] : r.Next(s.RecipientIds.Length);
                        if (s.RecipientRegistered[pos] > day.DayNumber && s.Earlier.Count > 0) pos = s.Earlier[r.Next(s.Earlier.Count)];
                        var delay = r.NextDouble() switch { < 0.6 => 0, < 0.9 => r.Next(1, 4), < 0.95 => r.Next(4, 8), _ => r.Next(8, 31) };
                        var recorded = day.AddDays(delay) > o.AsOf ? o.AsOf : day.AddDays(delay);
                        var domain = Weighted(r, VisitDomainShares);
                        var followUp = r.NextDouble() < 0.04;
                        var located = home && r.NextDouble() < 0.4;
                        var id = Guid.CreateVersion7();
                        visits.Row().Put(id).Put(s.Id).Put((int)(home ? VisitKind.HomeVisit : VisitKind.PhoneGreeting)).Put(day).Put(recorded)
                            .Put(VisitRules.IsBackFilled(day, recorded)).OptRef(home ? "服务对象家中" : null).Put(domain)
                            .Put(r.Pick(home ? HomeFindings : PhoneFindings)).Put(r.Pick(home ? HomeServices : PhoneServices))
                            .Put(followUp).OptRef(followUp ? r.Pick(FollowUps) : null)
                            .Opt(located ? s.Latitude + (r.NextDouble() - 0.5) * 0.1 : (double?)null).Opt(located ? s.Longitude + (r.NextDouble() - 0.5) * 0.1 : (double?)null)
                            .Opt(r.NextDouble() < 0.7 ? Guid.CreateVersion7() : (Guid?)null).Put(Calendar.At(recorded, r)).Put(1);
                        visitWorkers.Row().Put(Guid.CreateVersion7()).Put(id).Put(w.Id);
                        visitRecipients.Row().Put(Guid.CreateVersion7()).Put(id).Put(s.RecipientIds[pos]);
                        if (home && r.NextDouble() < 0.3)
                        {
                            // Home visits in pairs: another worker of the station working that day.
                            var other = s.Workers[r.Next(s.Workers.Count)];
                            if (other != w && other.ActiveOn(day)) visitWorkers.Row().Put(Guid.CreateVersion7()).Put(id).Put(other.Id);
                        }
                        if (home && r.NextDouble() < 0.08)
                        {
                            // Two people of one home.
                            var second = r.Next(s.RecipientIds.Length);
                            if (second != pos && s.RecipientRegistered[second] <= day.DayNumber) visitRecipients.Row().Put(Guid.CreateVersion7()).Put(id).Put(s.RecipientIds[second]);
                        }
                    }
                }
                if (s.Index % 200 == 199) log($"  走访已生成 {s.Index + 1:N0}/{_stations.Count:N0} 个站点，{visits.Rows:N0} 条");
            }
            await visits.CompleteAsync();
            await visitWorkers.CompleteAsync();
            await visitRecipients.CompleteAsync();
            return (visits.Rows, visitWorkers.Rows, visitRecipients.Rows);
        });
    }
}
