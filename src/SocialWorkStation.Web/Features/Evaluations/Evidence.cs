using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// Where one party's evidence files for one indicator of one station hang (佐证材料, evaluation.md §6): the owner of the
/// attachments of owner type <c>evaluationEvidence</c>. Made on the first upload. Only its party reads it before the
/// round closes (the bureau manager reads all); after the close everyone who reaches the round does.
/// </summary>
public sealed class EvaluationEvidence : IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid StationId { get; set; }
    public EvaluationParty Party { get; set; }
    public string IndicatorCode { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A questionnaire or interview with a recipient (问卷调查、电访面谈, Ledong 七（二）3), kept with the round: method, date,
/// satisfaction 1–5 and a note. The respondent is a label the party chooses (问卷07), never a name: the evaluator sees no
/// recipient names (evaluation.md §5 shows none either).
/// </summary>
public sealed class EvaluationInterview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid StationId { get; set; }
    public EvaluationParty Party { get; set; }
    public EvaluationMethod Method { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Respondent { get; set; } = "";
    public int Satisfaction { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

public sealed class EvaluationEvidenceConfiguration : IEntityTypeConfiguration<EvaluationEvidence>
{
    public void Configure(EntityTypeBuilder<EvaluationEvidence> b)
    {
        b.Property(e => e.Party).HasConversion<int>();
        b.Property(e => e.IndicatorCode).HasMaxLength(40).IsRequired();
        b.HasIndex(e => new { e.RoundId, e.StationId, e.Party, e.IndicatorCode }).IsUnique();
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform>().WithMany().HasForeignKey(e => e.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationInterviewConfiguration : IEntityTypeConfiguration<EvaluationInterview>
{
    public void Configure(EntityTypeBuilder<EvaluationInterview> b)
    {
        b.Property(e => e.Party).HasConversion<int>();
        b.Property(e => e.Method).HasConversion<int>();
        b.Property(e => e.Respondent).HasMaxLength(40).IsRequired();
        b.Property(e => e.Note).HasMaxLength(1000);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.RoundId, e.StationId, e.Party });
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform>().WithMany().HasForeignKey(e => e.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record InterviewInput(string? Method, DateOnly? HeldOn, string? Respondent, int? Satisfaction, string? Note);

public sealed record InterviewDto(Guid Id, string Party, string PartyName, string Method, string MethodName, DateOnly HeldOn, string Respondent, int Satisfaction, string? Note, string RecordedBy, DateTime RecordedAt);

/// <summary>A party's interviews of a station with the count and the average satisfaction (two decimals, half up).</summary>
public sealed record InterviewsDto(Guid RoundId, Guid StationId, int Count, decimal? AverageSatisfaction, IReadOnlyList<InterviewDto> Items);

/// <summary>Evidence files beside each indicator and the questionnaire/interview records of a round (evaluation.md §6).</summary>
public static class EvaluationEvidences
{
    public const string OwnerType = "evaluationEvidence";

    public static readonly EvaluationMethod[] InterviewMethods = [EvaluationMethod.Questionnaire, EvaluationMethod.PhoneInterview, EvaluationMethod.FaceToFaceInterview];

    /// <summary>Before the close only the evidence's own party (or the bureau manager) reads it.</summary>
    public static async Task<bool> MayRead(AppDbContext db, ClaimsPrincipal user, Guid evidenceId, CancellationToken ct)
    {
        var e = await db.Set<EvaluationEvidence>().AsNoTracking().Where(x => x.Id == evidenceId)
            .Select(x => new { x.Party, Closed = db.Set<EvaluationRound>().Any(r => r.Id == x.RoundId && r.Status == RoundStatus.Closed) }).FirstOrDefaultAsync(ct);
        return e is not null && (e.Closed || e.Party == EvaluationParties.Of(user) || user.Can(Permissions.EvaluationsManage));
    }

    /// <summary>The caller's upload for one leaf of its sheet: the round open, the caller one of its parties on the station (404/409 as for the sheet).</summary>
    public static async Task<AttachmentDto> Upload(AppDbContext db, AttachmentStore store, AttachmentOptions options, TimeProvider clock, ClaimsPrincipal user,
        Guid roundId, Guid stationId, string? indicatorCode, string? category, IFormFile? file, CancellationToken ct)
    {
        var (round, _, party) = await ScoreSheets.Access(db, clock, user, roundId, stationId, track: false, ct);
        var code = indicatorCode?.Trim() ?? "";
        if (round.Tree!.ToTree().Find(code) is not { IsLeaf: true })
        {
            throw RequestValidationException.For("indicatorCode", $"指标 {code} 不是本轮指标体系的末级指标");
        }
        if (round.Status == RoundStatus.Closed)
        {
            throw new ConflictException("本轮评估已结束，佐证材料已冻结");
        }
        var slot = await db.Set<EvaluationEvidence>().FirstOrDefaultAsync(e => e.RoundId == roundId && e.StationId == stationId && e.Party == party && e.IndicatorCode == code, ct);
        if (slot is null)
        {
            slot = new EvaluationEvidence { RoundId = roundId, StationId = stationId, Party = party, IndicatorCode = code, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(slot);
            await db.SaveChangesAsync(ct);
        }
        return await AttachmentUseCases.Upload(db, store, options, clock, user, new AttachmentUpload(OwnerType, slot.Id, category ?? "document", file), ct);
    }

    /// <summary>A party's files per indicator code on a station's sheet.</summary>
    public static async Task<Dictionary<string, List<AttachmentDto>>> Files(AppDbContext db, Guid roundId, Guid stationId, EvaluationParty party, CancellationToken ct)
    {
        var slots = await db.Set<EvaluationEvidence>().AsNoTracking().Where(e => e.RoundId == roundId && e.StationId == stationId && e.Party == party)
            .ToDictionaryAsync(e => e.Id, e => e.IndicatorCode, ct);
        var files = await AttachmentUseCases.ForOwners(db, OwnerType, slots.Keys, ct);
        return files.ToDictionary(f => slots[f.Key], f => f.Value, StringComparer.Ordinal);
    }

    public static async Task<InterviewsDto> Interviews(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid roundId, Guid stationId, CancellationToken ct)
    {
        var (round, _, party) = await ScoreSheets.Access(db, clock, user, roundId, stationId, track: false, ct);
        var all = round.Status == RoundStatus.Closed || user.Can(Permissions.EvaluationsManage);
        var rows = await db.Set<EvaluationInterview>().AsNoTracking().Where(i => i.RoundId == roundId && i.StationId == stationId && (all || i.Party == party))
            .OrderBy(i => i.HeldOn).ThenBy(i => i.RecordedAt).ToListAsync(ct);
        decimal? average = rows.Count == 0 ? null : Math.Round((decimal)rows.Sum(r => r.Satisfaction) / rows.Count, 2, MidpointRounding.AwayFromZero);
        return new InterviewsDto(roundId, stationId, rows.Count, average, rows.Select(r => new InterviewDto(r.Id, EvaluationLabels.ToApi(r.Party), EvaluationLabels.Chinese(r.Party),
            EvaluationMethods.ToApi(r.Method), EvaluationMethods.Chinese(r.Method), r.HeldOn, r.Respondent, r.Satisfaction, r.Note, r.RecordedBy, r.RecordedAt)).ToList());
    }

    public static async Task<InterviewsDto> AddInterview(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid roundId, Guid stationId, InterviewInput input, CancellationToken ct)
    {
        var (round, _, party) = await ScoreSheets.Access(db, clock, user, roundId, stationId, track: false, ct);
        var errors = new Errors();
        var method = InterviewMethods.Cast<EvaluationMethod?>().FirstOrDefault(m => EvaluationMethods.ToApi(m!.Value) == input.Method?.Trim());
        if (method is null) errors.Add("method", "方式应为 questionnaire（问卷调查）、phoneInterview（电话访谈）或 faceToFaceInterview（面谈）");
        if (input.HeldOn is null) errors.Add("heldOn", "请填写日期");
        else if (input.HeldOn > ChinaTime.Today(clock)) errors.Add("heldOn", "日期不能晚于今天");
        errors.Required("respondent", input.Respondent, "受访者编号（如 问卷07，不填姓名）");
        errors.MaxLength("respondent", input.Respondent, 40, "受访者编号");
        if (input.Satisfaction is not (>= 1 and <= 5)) errors.Add("satisfaction", "满意度应为 1 至 5 的整数（5 为非常满意）");
        errors.MaxLength("note", input.Note, 1000, "记录");
        errors.ThrowIfAny();
        if (round.Status == RoundStatus.Closed)
        {
            throw new ConflictException("本轮评估已结束，访谈记录已冻结");
        }
        db.Add(new EvaluationInterview
        {
            RoundId = roundId, StationId = stationId, Party = party, Method = method!.Value, HeldOn = input.HeldOn!.Value, Respondent = input.Respondent!.Trim(),
            Satisfaction = input.Satisfaction!.Value, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            RecordedBy = user.Identity?.Name ?? "", RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return await Interviews(db, clock, user, roundId, stationId, ct);
    }
}
