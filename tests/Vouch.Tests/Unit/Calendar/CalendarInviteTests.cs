using Vouch.Features.Calendar;

namespace Vouch.Tests.Unit.Calendar;

/// <summary>The invitation's text, read back with Ical.Net as a calendar client would read it.</summary>
public sealed class CalendarInviteTests
{
    private static readonly DateTimeOffset s_start = new(2027, 3, 9, 15, 30, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset s_stamp = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CallInvite Invite(InviteMethod method = InviteMethod.Request, int sequence = 0, string summary = "Reference call: Ada Lovelace (Acme) with Globex",
        string description = "Reference call between Ada Lovelace of Acme and Globex.") => new(
        "request-0199a000-0000-7000-8000-000000000001@vouch.example.com", sequence, method, s_start, TimeSpan.FromHours(1), s_stamp,
        new Invitee("Sam Seller", "vouch@example.com"),
        [new Invitee("Sam Seller", "sam@example.com"), new Invitee("Ada Lovelace", "ada@acme.example")],
        summary, description);

    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text)!;

    [Fact]
    public void A_new_invitation_asks_every_attendee_to_answer_an_event_in_utc()
    {
        var text = CalendarInvite.Write(Invite());

        var calendar = Parse(text);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(CalendarInvite.ProductId, calendar.ProductId);
        var e = Assert.Single(calendar.Events);
        Assert.Equal(("request-0199a000-0000-7000-8000-000000000001@vouch.example.com", 0, "CONFIRMED"), (e.Uid, e.Sequence, e.Status));
        Assert.Equal(new DateTime(2027, 3, 9, 14, 30, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 9, 15, 30, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc), e.DtStamp!.AsUtc);
        Assert.Contains("\r\nDTSTART:20270309T143000Z\r\n", text, StringComparison.Ordinal);
        Assert.Equal(("mailto:vouch@example.com", "Sam Seller"), (e.Organizer!.Value!.ToString(), e.Organizer.CommonName));
        Assert.Equal(["mailto:sam@example.com", "mailto:ada@acme.example"], e.Attendees.Select(a => a.Value!.ToString()));
        Assert.All(e.Attendees, a => Assert.Equal(("REQ-PARTICIPANT", "NEEDS-ACTION", true), (a.Role, a.ParticipationStatus, a.Rsvp)));
        Assert.Equal(["Sam Seller", "Ada Lovelace"], e.Attendees.Select(a => a.CommonName));
    }

    [Fact]
    public void An_update_keeps_the_uid_and_counts_up_the_sequence()
    {
        var first = Parse(CalendarInvite.Write(Invite())).Events.Single();
        var update = Parse(CalendarInvite.Write(Invite(sequence: 1))).Events.Single();

        Assert.Equal(first.Uid, update.Uid);
        Assert.Equal((0, 1), (first.Sequence, update.Sequence));
    }

    [Fact]
    public void A_cancellation_is_method_cancel_and_status_cancelled()
    {
        var calendar = Parse(CalendarInvite.Write(Invite(InviteMethod.Cancel, sequence: 2)));

        Assert.Equal("CANCEL", calendar.Method);
        var e = calendar.Events.Single();
        Assert.Equal(("CANCELLED", 2), (e.Status, e.Sequence));
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_newlines_are_escaped_and_read_back_whole()
    {
        const string Summary = "Call; Acme, Inc. \\ Globex";
        const string Description = "Line one, with a comma; and a semicolon.\nLine two: Zürich, São Paulo, 東京.";

        var text = CalendarInvite.Write(Invite(summary: Summary, description: Description));

        // Read as a client reads it: folded lines joined first (RFC 5545, 3.1).
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:Call\\; Acme\\, Inc. \\\\ Globex\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:Line one\\, with a comma\\; and a semicolon.\\nLine two: Zürich\\, São Paulo\\, 東京.\r\n", unfolded, StringComparison.Ordinal);
        var e = Parse(text).Events.Single();
        Assert.Equal((Summary, Description), (e.Summary, e.Description));
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_and_unfold_to_the_text()
    {
        var description = string.Join(" ", Enumerable.Repeat("Automated invoicing across subsidiaries in Ärhus", 6));

        var text = CalendarInvite.Write(Invite(description: description));

        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"Longer than 75 octets: {line}"));
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
        Assert.Equal(description, Parse(text).Events.Single().Description);
    }

    [Theory]
    [InlineData(1, 60)]
    [InlineData(0.5, 30)]
    [InlineData(4, 240)]
    [InlineData(8, 480)]
    [InlineData(0, 60)]
    [InlineData(12, 60)]
    public void The_event_lasts_the_activitys_effort_when_that_is_a_meetings_length(decimal effortHours, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), CalendarInvite.DurationOf(effortHours));

    [Fact]
    public void The_uid_names_the_request_in_vouchs_domain() =>
        Assert.Equal("request-0199a000-0000-7000-8000-000000000001@vouch.example.com",
            CalendarInvite.UidOf(Guid.Parse("0199a000-0000-7000-8000-000000000001"), "vouch.example.com"));
}
