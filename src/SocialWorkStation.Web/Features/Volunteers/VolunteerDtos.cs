namespace SocialWorkStation.Web.Features.Volunteers;

public sealed record TeamRefDto(Guid Id, string Name);

/// <summary>
/// A volunteer as answered: <c>idNumber</c> is always masked (460***********1234); the full number only through reveal or a proof.
/// <c>trainings</c> and <c>awards</c> are the record's training and award parts (order No. 67 art. 4); <c>trainingHours</c> are
/// class hours, never service hours.
/// </summary>
public sealed record VolunteerDto(
    Guid Id, Guid StationId, string? StationName, string Name, string IdType, string IdNumber, string? Sex, string? BirthDate,
    string? Phone, string? VolunteerNumber, string RegisteredOn, string? Skills, string? Notes, IReadOnlyList<TeamRefDto> Teams,
    decimal Hours, int ServiceCount, string? CreatedBy, DateTime CreatedAt, int Version,
    IReadOnlyList<VolunteerTrainingDto> Trainings, decimal TrainingHours, IReadOnlyList<VolunteerAwardDto> Awards);

/// <summary>A training (培训情况): date, name or content, class hours (学时), organiser.</summary>
public sealed record VolunteerTrainingDto(Guid Id, string Date, string Name, decimal Hours, string? Organiser, string? CreatedBy);

/// <summary>An award or commendation (表彰奖励情况): date, name, granting body.</summary>
public sealed record VolunteerAwardDto(Guid Id, string Date, string Name, string Grantor, string? CreatedBy);

public sealed record VolunteerTrainingInput(string? Date, string? Name, decimal? Hours, string? Organiser);

public sealed record VolunteerAwardInput(string? Date, string? Name, string? Grantor);

public sealed record VolunteerInput(
    Guid? StationId, string? Name, string? IdType, string? IdNumber, string? Phone, string? VolunteerNumber, string? RegisteredOn,
    string? Skills, string? Notes, int? Version);

public sealed record RevealInput(string? Reason);

public sealed record RevealDto(Guid Id, string IdType, string IdNumber, string? Phone = null);

public sealed record VolunteerTeamDto(
    Guid Id, Guid StationId, string? StationName, string Name, string FoundedOn, string? DisbandedOn, string? Leader, string? LeaderPhone,
    string? ServiceArea, string? TeamNumber, bool Active, IReadOnlyList<TeamMemberDto> Members, DateTime CreatedAt, int Version);

public sealed record TeamMemberDto(Guid Id, string Name, string IdNumber);

public sealed record VolunteerTeamInput(
    Guid? StationId, string? Name, string? FoundedOn, string? DisbandedOn, string? Leader, string? LeaderPhone, string? ServiceArea,
    string? TeamNumber, IReadOnlyList<Guid>? MemberIds, int? Version);

/// <summary>A service record: <c>hours</c> is the time served without travel; <c>travelMinutes</c> is shown but never counted.</summary>
public sealed record VolunteerServiceDto(
    Guid Id, Guid StationId, Guid VolunteerId, string VolunteerName, Guid? ActivityId, string? ActivityTheme, Guid? TeamId,
    string Date, string? StartTime, string? EndTime, int TravelMinutes, decimal Hours, string Content, string? CreatedBy, DateTime CreatedAt, int Version);

/// <summary>
/// Give <c>startTime</c> and <c>endTime</c> (HH:mm, with <c>travelMinutes</c> spent on the way inside that span),
/// or <c>hours</c> already without travel.
/// </summary>
public sealed record VolunteerServiceInput(
    Guid? VolunteerId, Guid? ActivityId, Guid? TeamId, string? Date, string? StartTime, string? EndTime, int? TravelMinutes,
    decimal? Hours, string? Content, int? Version);

/// <summary><c>listTrainingAndAwards</c>: also state the period's trainings and awards as other matters (其他需要说明的事项).</summary>
public sealed record ProofInput(string? From, string? To, string? Issuer, string? PersonInCharge, string? Contact, string? Handler, bool? ListTrainingAndAwards = null);

/// <summary>The proof of service with the fields of order No. 67; carries the full ID number, so every read is audited.</summary>
public sealed record ProofDto(
    Guid Id, Guid VolunteerId, string Number, string IssuedOn, string From, string To, string Name, string IdType, string IdTypeName,
    string IdNumber, string? VolunteerNumber, decimal Hours, int ServiceCount, string Content, string Issuer, string PersonInCharge,
    string Contact, string? Handler, string? CreatedBy, string? Remarks);
