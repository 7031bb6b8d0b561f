using SocialWorkStation.Domain.Volunteers;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Volunteers;

public class VolunteerHoursTests
{
    [Fact]
    public void Travel_time_inside_the_span_is_not_counted()
    {
        Assert.Equal(180, VolunteerHours.FromTimes(new TimeOnly(8, 0), new TimeOnly(12, 0), 60, out var error));
        Assert.Null(error);
        Assert.Equal(240, VolunteerHours.FromTimes(new TimeOnly(8, 0), new TimeOnly(12, 0), 0, out _));
    }

    [Fact]
    public void A_span_that_is_all_travel_is_refused()
    {
        Assert.Null(VolunteerHours.FromTimes(new TimeOnly(8, 0), new TimeOnly(9, 0), 60, out var error));
        Assert.Contains("往返交通时间不计入", error);
        Assert.Equal(1, VolunteerHours.FromTimes(new TimeOnly(8, 0), new TimeOnly(9, 0), 59, out _));
    }

    [Fact]
    public void End_must_follow_start_and_travel_is_not_negative()
    {
        Assert.Null(VolunteerHours.FromTimes(new TimeOnly(9, 0), new TimeOnly(9, 0), 0, out var e1));
        Assert.NotNull(e1);
        Assert.Null(VolunteerHours.FromTimes(new TimeOnly(9, 0), new TimeOnly(10, 0), -1, out var e2));
        Assert.NotNull(e2);
    }

    [Fact]
    public void Hours_entered_directly_are_more_than_zero_and_at_most_24()
    {
        Assert.Equal(24 * 60, VolunteerHours.FromHours(24m, out _));
        Assert.Null(VolunteerHours.FromHours(24.01m, out var over));
        Assert.NotNull(over);
        Assert.Null(VolunteerHours.FromHours(0m, out var zero));
        Assert.NotNull(zero);
        Assert.Equal(90, VolunteerHours.FromHours(1.5m, out _));
        Assert.Equal(1.5m, VolunteerHours.ToHours(90));
        Assert.Equal(0.33m, VolunteerHours.ToHours(20));
    }

    [Fact]
    public void A_resident_id_is_checked_under_GB_11643_and_other_documents_by_shape()
    {
        var today = new DateOnly(2026, 11, 25);
        Assert.Equal("11010519491231002X", IdentityDocuments.Validate(IdentityDocumentType.ResidentId, "11010519491231002x", today, out _, out var id));
        Assert.NotNull(id);
        Assert.Null(IdentityDocuments.Validate(IdentityDocumentType.ResidentId, "110105194912310021", today, out var bad, out _));
        Assert.Contains("校验位", bad);
        Assert.Equal("E12345678", IdentityDocuments.Validate(IdentityDocumentType.Passport, " e12345678 ", today, out _, out _));
        Assert.Null(IdentityDocuments.Validate(IdentityDocumentType.Passport, "E1-2", today, out _, out _));
    }
}
