using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.NeedsSurveys;
using SocialWorkStation.Web.Features.Resources;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>
/// A kind of record that may carry attachments: its API name, Chinese name, the permission needed to
/// add or remove files, and how to find the owner's station when the user may see the owner (null
/// otherwise, answered 404). Downloads are authorised by the owner's scope through this function, so a
/// record kind with a narrower rule (a case visible only to its worker) supplies its own.
/// </summary>
/// <param name="MayRead">A check beyond the scope where the record kind has one (an evaluation party's evidence is its own until the round closes).</param>
public sealed record AttachmentOwnerType(
    string Name, string Chinese, string WritePermission,
    Func<AppDbContext, UserScope, Guid, CancellationToken, Task<Guid?>> VisibleStation,
    Func<AppDbContext, System.Security.Claims.ClaimsPrincipal, Guid, CancellationToken, Task<bool>>? MayRead = null)
{
    /// <summary>The owner's station when the user may see the owner, else null (answered 404).</summary>
    public async Task<Guid?> StationFor(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, Guid ownerId, CancellationToken ct) =>
        await VisibleStation(db, user.Scope(), ownerId, ct) is { } station && (MayRead is null || await MayRead(db, user, ownerId, ct)) ? station : null;
}

public static class AttachmentOwners
{
    /// <summary>For records whose scope is their station's (<see cref="StationRecords.VisibleTo{T}"/>).</summary>
    public static AttachmentOwnerType StationRecord<T>(string name, string chinese, string permission) where T : class, IStationRecord =>
        new(name, chinese, permission, (db, scope, id, ct) =>
            db.Set<T>().AsNoTracking().VisibleTo(db, scope).Where(r => r.Id == id).Select(r => (Guid?)r.StationId).FirstOrDefaultAsync(ct));

    /// <summary>Later record kinds (visits, cases, groups) add a line here.</summary>
    public static readonly IReadOnlyDictionary<string, AttachmentOwnerType> All = new[]
    {
        StationRecord<Activity>("activity", "社区活动", Permissions.ServicesRecord),
        StationRecord<FeaturedCase>("featuredCase", "特色服务案例", Permissions.ServicesRecord),
        StationRecord<NeedsSurvey>("needsSurvey", "需求调研", Permissions.ServicesRecord),
        StationRecord<Resource>("resource", "资源链接", Permissions.ServicesRecord),
        StationRecord<Visits.Visit>("visit", "走访", Permissions.VisitsWrite),
        StationRecord<Groups.GroupSession>(Groups.GroupUseCases.SessionOwnerType, "小组节次", Permissions.GroupsWrite),
        StationRecord<ContractorChecks.ContractorCheck>("contractorCheck", "项目经理检查", Permissions.ContractorChecksWrite),
        StationRecord<Budgets.SpendingEntry>("spendingEntry", "经费支出（发票）", Permissions.BudgetsSpend),
        new("agreement", "服务协议（签署文本）", Permissions.AgreementsManage, Agreements.AgreementAccess.VisibleStation),
        new(Agreements.ImplementationPlans.OwnerType, "年度实施计划", Permissions.PlansManage, Agreements.ImplementationPlans.VisibleStation),
        StationRecord<Evaluations.RectificationItem>(Evaluations.Rectifications.OwnerType, "评估整改", Permissions.RectificationsReport),
        StationRecord<Archives.ArchiveFile>(Archives.ArchiveUseCases.OwnerType, "档案（电子件）", Permissions.ArchivesWrite),
        StationRecord<Evaluations.EvaluationEvidence>(Evaluations.EvaluationEvidences.OwnerType, "评估佐证材料", Permissions.EvaluationsScore) with { MayRead = Evaluations.EvaluationEvidences.MayRead },
    }.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public static string ApiList => string.Join("、", All.Keys);
}
