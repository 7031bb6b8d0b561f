namespace SocialWorkStation.Web.Features.Incidents;

/// <summary>A new incident (风险与突发事件); urgent ones are also reported along the profile's route.</summary>
/// <param name="OccurredOn">YYYY-MM-DD, not in the future.</param>
/// <param name="RecipientId">The person concerned, a recipient of the station (optional); only the id is stored.</param>
/// <param name="Severity">minor (一般), serious (较重) or critical (严重).</param>
/// <param name="Urgent">true: an urgent report (紧急报告) to the township or the bureau as the profile routes it.</param>
/// <param name="Need">For an urgent report: medical (就诊或住院) or other.</param>
public sealed record IncidentInput(Guid? StationId, string? OccurredOn, string? What, Guid? RecipientId, string? Severity, string? Actions, bool? Urgent, string? Need);

/// <summary>A correction of what happened, its severity and the actions taken; send the version you read.</summary>
public sealed record IncidentUpdateInput(string? What, string? Severity, string? Actions, int? Version);

/// <summary>The incident is closed: the day and how.</summary>
public sealed record IncidentCloseInput(string? ClosedOn, string? Closure, int? Version);

/// <summary>The township (or bureau) acknowledges an urgent report: send the version you read.</summary>
public sealed record AcknowledgeInput(int? Version);

/// <param name="RecipientName">Always masked (宓**): the incident register is read by more people than the recipient's file.</param>
/// <param name="Status">open or closed.</param>
/// <param name="ReportTo">township or countyBureau, for an urgent report.</param>
public sealed record IncidentDto(Guid Id, Guid StationId, string StationName, string OccurredOn, string What, Guid? RecipientId, string? RecipientName,
    string Severity, string SeverityText, string? Actions, bool Urgent, string? Need, string? NeedText, string? ReportTo, string? ReportToText,
    string? RouteSource, DateTime? ReportedAt, bool Acknowledged, DateTime? AcknowledgedAt, string? AcknowledgedBy,
    string Status, string StatusText, string? ClosedOn, string? Closure, string? ClosedBy, string? CreatedBy, int Version);

/// <summary>A county document the profile asks for (Hunan 八（二）: 退出机制、应急预案).</summary>
/// <param name="Name">The required document's name as the profile gives it (退出机制 or 应急预案).</param>
public sealed record CountyDocumentInput(string? CountyCode, string? Name, string? Title, string? FileNumber, string? AdoptedOn);

public sealed record CountyDocumentDto(Guid Id, string CountyCode, string CountyName, string Name, string Title, string? FileNumber, string AdoptedOn, string? CreatedBy, int Version);

/// <summary>A county in scope whose profile asks for documents, and which of them are not on file.</summary>
public sealed record CountyDocumentStatusDto(string CountyCode, string CountyName, IReadOnlyList<string> Required, IReadOnlyList<string> Missing, string Source, string? Interpretation);

public sealed record CountyDocumentsDto(IReadOnlyList<CountyDocumentDto> Documents, IReadOnlyList<CountyDocumentStatusDto> Counties);
