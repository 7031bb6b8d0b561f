namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>
/// Roles of docs/requirements/domain.md §2. The three administrators are kept apart (三员分立, 等保 2.0 level 3,
/// docs/security.md "Separation of duties"): the system administrator configures the platform (regions, stations,
/// profiles, organisations), the security administrator manages accounts, roles, scopes, password resets and
/// lockouts, the audit administrator reads the audit trail. No account holds two of them, nor one of them with a
/// business role, and none of them reads service records.
/// </summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string Auditor = "Auditor";
    public const string BureauOfficer = "BureauOfficer";
    public const string TownshipOfficer = "TownshipOfficer";
    public const string ContractorManager = "ContractorManager";
    public const string StationHead = "StationHead";
    public const string SocialWorker = "SocialWorker";
    public const string VillageWorker = "VillageWorker";
    public const string Evaluator = "Evaluator";
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<(string Name, string Chinese)> All =
    [
        (SystemAdmin, "系统管理员"),
        (SecurityAdmin, "安全管理员"),
        (Auditor, "审计管理员"),
        (BureauOfficer, "民政局干部"),
        (TownshipOfficer, "乡镇（街道）干部"),
        (ContractorManager, "承接机构项目经理"),
        (StationHead, "站长"),
        (SocialWorker, "驻站社工"),
        (VillageWorker, "社工室社工"),
        (Evaluator, "第三方评估人员"),
        (Supervisor, "督导"),
    ];

    public static string Chinese(string role) => All.FirstOrDefault(r => r.Name == role).Chinese ?? role;

    public static bool Exists(string role) => All.Any(r => r.Name == role);

    /// <summary>The three administrators (三员): mutually exclusive, and never combined with a business role.</summary>
    public static readonly IReadOnlySet<string> Administrators = new HashSet<string> { SystemAdmin, SecurityAdmin, Auditor };

    public static bool IsAdministrator(string role) => Administrators.Contains(role);
}

/// <summary>
/// Which roles may do what. Endpoints and pages name a permission (an authorization policy);
/// scope (which records) is checked separately by VisibleTo. The authorization-matrix test reads this table.
/// </summary>
public static class Permissions
{
    public const string Read = "read";
    public const string StationsCreate = "stations.create";
    public const string StationsUpdate = "stations.update";
    public const string OrganisationsManage = "organisations.manage";
    public const string AccountsManage = "accounts.manage";
    public const string AuditRead = "audit.read";
    public const string RecipientsWrite = "recipients.write";
    /// <summary>See a recipient's ID number, phone, birth date and sensitive details in full, with a reason (docs/requirements/domain.md §8).</summary>
    public const string RecipientsReveal = "recipients.reveal";
    public const string RecipientsImport = "recipients.import";
    public const string RecipientsExport = "recipients.export";
    public const string WorkersManage = "workers.manage";
    public const string WorkersReveal = "workers.reveal";
    public const string VisitsWrite = "visits.write";
    public const string VisitsExport = "visits.export";
    public const string CasesWrite = "cases.write";
    public const string GroupsWrite = "groups.write";
    /// <summary>Review a case's plan and evaluation (督导).</summary>
    public const string CasesReview = "cases.review";
    /// <summary>Read case notes in clear (audited).</summary>
    public const string CasesNotes = "cases.notes";
    /// <summary>Record service work of a station: activities, volunteers, teams, hours, resources, needs surveys, featured cases, attachments.</summary>
    public const string ServicesRecord = "services.record";
    /// <summary>See a volunteer's full ID number (with a reason, audited) and issue proofs of service that print it.</summary>
    public const string VolunteersReveal = "volunteers.reveal";
    /// <summary>Record, correct and remove the project manager's checks of the stations (Qiongzhong（五）管理保障第3项).</summary>
    public const string ContractorChecksWrite = "contractorChecks.write";
    /// <summary>Draft, write, submit and correct reports: station staff and the contractor's manager for a station's, bureau officers for their own county's or city's (docs/requirements/reports.md).</summary>
    public const string ReportsWrite = "reports.write";
    /// <summary>Return or accept the reports filed by the level below (the receiving bureau).</summary>
    public const string ReportsReview = "reports.review";
    /// <summary>Write what a station discloses on its public page: service directory, guide, filed service list (docs/requirements/public.md §3).</summary>
    public const string PublicWrite = "public.write";
    /// <summary>Write the contractor's own disclosure (Hunan 二（四）): the contractor and the bureau that buys from it.</summary>
    public const string PublicContractor = "public.contractor";
    /// <summary>Approve a featured case for publication on a station's public page (the bureau).</summary>
    public const string PublicApprove = "public.approve";

    /// <summary>Start and close evaluation rounds, load indicator trees, re-check rectification items (the county bureau, docs/requirements/evaluation.md).</summary>
    public const string EvaluationsManage = "evaluations.manage";
    /// <summary>Score stations in a round in one's own workspace: the third-party evaluator, the bureau, the township (三方评分); the station head its own station in a self-evaluation (自评).</summary>
    public const string EvaluationsScore = "evaluations.score";
    /// <summary>Raise rectification items (整改) for a closed round's stations: the county bureau and the third-party evaluator (docs/requirements/evaluation.md §8).</summary>
    public const string RectificationsRaise = "rectifications.raise";
    /// <summary>Report what the station did on a rectification item, with evidence files: the station head (docs/requirements/evaluation.md §8).</summary>
    public const string RectificationsReport = "rectifications.report";

    /// <summary>Start programme cycles and sign, edit and record the steps of service agreements (the county bureau and above, docs/requirements/agreements.md).</summary>
    public const string AgreementsManage = "agreements.manage";
    /// <summary>Read programme cycles and agreements: the bureau, the township (its stations'), the contractor manager (its own organisation's).</summary>
    public const string AgreementsRead = "agreements.read";
    /// <summary>Enter and edit station budgets, approve and move spending through its steps (the county bureau and above, docs/requirements/agreements.md §5–§6).</summary>
    public const string BudgetsManage = "budgets.manage";
    /// <summary>Read budgets, spending, the execution rate and the ledger: the bureau, the township and station head (their stations'), the contractor manager (its own organisation's).</summary>
    public const string BudgetsRead = "budgets.read";
    /// <summary>Record spending entries and attach invoices: the contractor manager, the station head, the bureau.</summary>
    public const string BudgetsSpend = "budgets.spend";
    /// <summary>Upload and remove attachments at all: the roles of any owner type's write permission (each owner type then checks its own).</summary>
    public const string AttachmentsWrite = "attachments.write";
    /// <summary>Draft, edit and file the county's annual implementation plan with the contractor's recruitment plan (the county bureau, docs/requirements/agreements.md §13).</summary>
    public const string PlansManage = "plans.manage";
    /// <summary>Read annual implementation plans: the county bureau its own, the city and province bureaus the filed plans of their counties.</summary>
    public const string PlansRead = "plans.read";
    /// <summary>Read complaints and suggestions (投诉建议) of the stations in scope (docs/requirements/public.md §4).</summary>
    public const string ComplaintsRead = "complaints.read";
    /// <summary>Enter complaints received by phone or letter, answer them, record the person's satisfaction.</summary>
    public const string ComplaintsHandle = "complaints.handle";
    /// <summary>See a complainant's name and phone in full (others see them masked).</summary>
    public const string ComplaintsReveal = "complaints.reveal";
    /// <summary>Read the incident register and urgent reports (风险与突发事件) of the stations in scope, and the county documents.</summary>
    public const string IncidentsRead = "incidents.read";
    /// <summary>Register incidents and urgent reports, record actions and closure.</summary>
    public const string IncidentsWrite = "incidents.write";
    /// <summary>Acknowledge an urgent report routed to one's office (the township, or the bureau).</summary>
    public const string IncidentsAcknowledge = "incidents.acknowledge";
    /// <summary>Record the county documents the profile asks for (Hunan 八（二）: 退出机制、应急预案).</summary>
    public const string CountyDocumentsManage = "county-documents.manage";
    /// <summary>Read the archive catalogue of the stations in scope (docs/requirements/books.md §1).</summary>
    public const string ArchivesRead = "archives.read";
    /// <summary>Register archive entries, attach their electronic copies, record loans and returns.</summary>
    public const string ArchivesWrite = "archives.write";
    /// <summary>Designate the station's archivist (and lend or take back in their stead).</summary>
    public const string ArchivesManage = "archives.manage";
    /// <summary>Destroy an archive whose retention ended, on the county bureau's approval (the bureau records it).</summary>
    public const string ArchivesDestroy = "archives.destroy";
    /// <summary>Read the fixed-asset register and check-ups of the stations in scope (docs/requirements/books.md §2).</summary>
    public const string AssetsRead = "assets.read";
    /// <summary>Register assets, record check-ups (盘点) and disposals.</summary>
    public const string AssetsWrite = "assets.write";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        // The auditor reads the audit trail and nothing else (三员分立); what the other administrators read is narrowed by AdministratorAreas.
        [Read] = Roles.All.Select(r => r.Name).Where(r => r != Roles.Auditor).ToArray(),
        [StationsCreate] = [Roles.SystemAdmin, Roles.BureauOfficer],
        [StationsUpdate] = [Roles.SystemAdmin, Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead],
        [OrganisationsManage] = [Roles.SystemAdmin, Roles.BureauOfficer],
        [AccountsManage] = [Roles.SecurityAdmin],
        [AuditRead] = [Roles.Auditor],
        [RecipientsWrite] = [Roles.BureauOfficer, Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker],
        // Whose work needs the full ID number: eligibility checks (bureau, township) and the station's own
        // applications and referrals. Administrators, auditors, evaluators and supervisors see masked data only.
        [RecipientsReveal] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.StationHead, Roles.SocialWorker],
        [RecipientsImport] = [Roles.BureauOfficer, Roles.StationHead, Roles.SocialWorker],
        [RecipientsExport] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker],
        // Registering, importing and hiring checks: the bureau, the contractor who employs the workers, the station head.
        [WorkersManage] = [Roles.SystemAdmin, Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead],
        // Full ID numbers only for those who handle contracts and personnel files (不含系统管理员，三员分立).
        [WorkersReveal] = [Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead],
        // Visits are recorded by the station's own staff (docs/requirements/domain.md §4), like the other service records; others read the ledger.
        [VisitsWrite] = [Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker, Roles.ContractorManager],
        // Casework is the station's social workers'; the supervisor reviews plans and evaluations (MZ/T 094-2017).
        [CasesWrite] = [Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker],
        [GroupsWrite] = [Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker],
        [CasesReview] = [Roles.Supervisor],
        [CasesNotes] = [Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker, Roles.Supervisor],
        [VisitsExport] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker],
        // Station staff record what they do; the project manager may correct records of the stations it runs.
        [ServicesRecord] = [Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker, Roles.ContractorManager],
        [VolunteersReveal] = [Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker, Roles.ContractorManager],
        // The check is the project manager's own account of visiting a station; the station, township, bureau and
        // evaluator read it. A station head does not write it: it would be the checked station reporting on itself.
        [ContractorChecksWrite] = [Roles.ContractorManager],
        [ReportsWrite] = [Roles.StationHead, Roles.SocialWorker, Roles.ContractorManager, Roles.BureauOfficer],
        [ReportsReview] = [Roles.BureauOfficer],
        [EvaluationsManage] = [Roles.BureauOfficer],
        // The station head scores only its own station (its scope) and only in a round where the station is a party: the self-evaluation (自评).
        [EvaluationsScore] = [Roles.Evaluator, Roles.BureauOfficer, Roles.TownshipOfficer, Roles.StationHead],
        [RectificationsRaise] = [Roles.BureauOfficer, Roles.Evaluator],
        [RectificationsReport] = [Roles.StationHead],
        [PublicWrite] = [Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead],
        [PublicContractor] = [Roles.BureauOfficer, Roles.ContractorManager],
        [PublicApprove] = [Roles.BureauOfficer],
        [AgreementsManage] = [Roles.BureauOfficer],
        [AgreementsRead] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager],
        [BudgetsManage] = [Roles.BureauOfficer],
        [PlansManage] = [Roles.BureauOfficer],
        [PlansRead] = [Roles.BureauOfficer],
        [BudgetsRead] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager, Roles.StationHead],
        [BudgetsSpend] = [Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead],
        // The union of the owner types' write permissions (services.record, budgets.spend, agreements.manage …).
        [AttachmentsWrite] = [Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker, Roles.ContractorManager, Roles.BureauOfficer],
        // Complaints: the bureau (Ledong 七（一）: it receives them), the township that supervises the station, and the station
        // that receives them where the profile says so; the contractor's manager answers for the stations it runs.
        [ComplaintsRead] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker],
        [ComplaintsHandle] = [Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker],
        [ComplaintsReveal] = [Roles.BureauOfficer, Roles.StationHead],
        // Incidents (docs/requirements/incidents.md): the station's staff register them; the township (Qiongzhong: a 特困
        // person's medical need is reported to it) and the bureau read and acknowledge what is routed to them.
        [IncidentsRead] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker],
        [IncidentsWrite] = [Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker, Roles.VillageWorker],
        [IncidentsAcknowledge] = [Roles.BureauOfficer, Roles.TownshipOfficer],
        [CountyDocumentsManage] = [Roles.BureauOfficer],
        // Archives are the station's own books (Ledong 六、（三）, Shenmu 第二十三条): its staff keep them, the contractor's manager
        // answers for them, the bureau and the township read them; destruction rests on the county bureau's approval (books.md §1).
        [ArchivesRead] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker],
        [ArchivesWrite] = [Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker],
        [ArchivesManage] = [Roles.BureauOfficer, Roles.ContractorManager, Roles.StationHead],
        [ArchivesDestroy] = [Roles.BureauOfficer],
        // Fixed assets (Shenmu 第二十二条): the station keeps the register and counts; the bureau and township read it.
        [AssetsRead] = [Roles.BureauOfficer, Roles.TownshipOfficer, Roles.ContractorManager, Roles.StationHead, Roles.SocialWorker],
        [AssetsWrite] = [Roles.ContractorManager, Roles.StationHead],
    };
}
