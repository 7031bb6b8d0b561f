namespace SocialWorkStation.Web.Features.Complaints;

/// <summary>A complaint filed on a station's public page (anonymous).</summary>
/// <param name="Kind">complaint (投诉), suggestion (建议) or help (求助).</param>
/// <param name="Name">Optional; stored encrypted, never shown on a public page.</param>
/// <param name="Phone">Optional; stored encrypted, never shown on a public page.</param>
/// <param name="Website">Leave empty: a field people do not see (bots fill it and are refused).</param>
public sealed record PublicComplaintInput(Guid? StationId, string? Kind, string? Text, string? Name, string? Phone, string? Website);

/// <summary>What the person gets back: the tracking number (shown once), when it was received and the answer's due day.</summary>
public sealed record FiledComplaintDto(string TrackingNumber, string Kind, string StationName, string Receiver, string ReceivedOn, string DueOn);

public sealed record TrackInput(string? TrackingNumber);

/// <summary>What the tracking number opens: status, dates and the answer, nothing else.</summary>
public sealed record TrackedComplaintDto(string Status, string StatusText, string ReceivedOn, string DueOn, string? AnsweredOn, string? Answer, string? Satisfaction, string? SatisfactionText);

public sealed record PublicSatisfactionInput(string? TrackingNumber, string? Satisfaction);

/// <summary>A complaint staff received by phone, letter, visit or the box.</summary>
/// <param name="Channel">phone, letter, visit or box (online is the public form's).</param>
/// <param name="ReceivedOn">The day it was received (default today; not in the future). The answer's due day counts from it.</param>
public sealed record StaffComplaintInput(Guid? StationId, string? Kind, string? Channel, string? Text, string? Name, string? Phone, string? ReceivedOn);

public sealed record AnswerInput(string? Answer, int? Version);

/// <param name="Satisfaction">satisfied (满意), basicallySatisfied (基本满意) or dissatisfied (不满意).</param>
public sealed record SatisfactionInput(string? Satisfaction, int? Version);

/// <param name="Name">In full with complaints.reveal, masked otherwise.</param>
/// <param name="TrackingNumber">Only in the answer that created the complaint: tell it to the person.</param>
public sealed record ComplaintDto(Guid Id, Guid StationId, string StationName, string Kind, string KindText, string Channel, string ChannelText, string Text,
    string? Name, string? Phone, string Receiver, string ReceiverText, string ReceiverSource, string ReceivedOn, string DueOn, string DueSource,
    string Status, string StatusText, bool Overdue, string? Answer, string? AnsweredOn, string? AnsweredBy, string? Satisfaction, string? SatisfactionText,
    string? SatisfactionBy, string? CreatedBy, int Version, string? TrackingNumber = null);
