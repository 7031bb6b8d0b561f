namespace SocialWorkStation.Web.Features.Visits;

/// <summary>
/// A visit as sent: recipientIds or householdId (whom), workerIds (who; empty means the station's
/// worker record is not known to the caller and is refused), visitedOn, kind homeVisit|phoneGreeting,
/// domain, findings, serviceContent, followUp. idempotencyKey: a UUID the client makes per record.
/// </summary>
public sealed record VisitInput(
    Guid? StationId = null, string? Kind = null, DateOnly? VisitedOn = null, Guid[]? RecipientIds = null, Guid? HouseholdId = null,
    Guid[]? WorkerIds = null, string? Place = null, string? Domain = null, string? Findings = null, string? ServiceContent = null,
    bool? FollowUpNeeded = null, string? FollowUp = null, double? Latitude = null, double? Longitude = null, Guid? IdempotencyKey = null,
    int? Version = null);

/// <summary>One person visited, name masked (张*三).</summary>
public sealed record VisitPerson(Guid Id, string Name);

public sealed record VisitDto(
    Guid Id, Guid StationId, string StationName, string Kind, string KindLabel, DateOnly VisitedOn, DateOnly RecordedOn, bool BackFilled,
    IReadOnlyList<VisitPerson> Recipients, Guid? HouseholdId, IReadOnlyList<VisitPerson> Workers, string? VillageCode, string? VillageName,
    string? Place, string Domain, string DomainLabel, string Findings, string ServiceContent, bool FollowUpNeeded, string? FollowUp,
    double? Latitude, double? Longitude, Guid? IdempotencyKey, IReadOnlyList<Attachments.AttachmentDto> Attachments, int Version);
