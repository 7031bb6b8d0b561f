using SocialWorkStation.Web.Features.Attachments;

namespace SocialWorkStation.Web.Features.Archives;

/// <summary>A new archive entry; its number (档号) is given by the platform.</summary>
/// <param name="Category">administrative (文书/行政), financial (财务), personnel (人事), service (服务) or evaluation (评估).</param>
/// <param name="Year">The year the archive was formed (形成年度), not after this year.</param>
/// <param name="Carrier">electronic (files attached afterwards), paper or both.</param>
/// <param name="PaperLocation">Where the paper copy is kept; required for paper and both.</param>
/// <param name="RetentionYears">Years kept; default and least the profile's (Shenmu 第二十三条: 3).</param>
public sealed record ArchiveInput(string? Category, int? Year, string? Title, string? Carrier, string? PaperLocation, int? RetentionYears, string? Note);

/// <summary>A change to an entry's title, copies, retention or note; send the version you read.</summary>
public sealed record ArchiveUpdateInput(string? Title, string? Carrier, string? PaperLocation, int? RetentionYears, string? Note, int? Version);

/// <param name="DueOn">The day it is due back; on that day it is still on time.</param>
public sealed record LoanInput(string? Borrower, string? Purpose, string? BorrowedOn, string? DueOn, int? Version);

/// <param name="ReturnedOn">Default today; not before it was borrowed, not in the future.</param>
public sealed record ReturnInput(string? ReturnedOn, int? Version);

/// <param name="Approval">The county bureau's approval the destruction rests on (批准文号或审批意见).</param>
public sealed record DestroyInput(string? Approval, string? Note, int? Version);

/// <param name="UserName">A station account of this station (not disabled).</param>
public sealed record ArchivistInput(string? UserName, int? Version);

public sealed record ArchivistDto(Guid StationId, string? UserName, string? DisplayName, string? AssignedOn, string? AssignedBy, int Version, string Source);

public sealed record ArchiveLoanDto(Guid Id, string Borrower, string Purpose, string BorrowedOn, string DueOn, string? ReturnedOn, bool Overdue, string LentBy, string? ReceivedBy);

public sealed record ArchiveDto(Guid Id, Guid StationId, string StationName, string Code, string CodeSource, string Category, string CategoryText, int Year, string Title,
    string Carrier, string CarrierText, string? PaperLocation, int RetentionYears, string RetentionSource, string RetentionLastDay, bool RetentionEnded,
    string FiledOn, string FiledBy, string? Note, string Status, string StatusText,
    string? DestroyedOn, string? DestroyedBy, string? DestructionApproval, string? DestructionNote,
    IReadOnlyList<ArchiveLoanDto> Loans, IReadOnlyList<AttachmentDto> Attachments, int Version);
