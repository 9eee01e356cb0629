using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Email;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using Vouch.Tests.Api;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>
/// A scheduled request sends calendar invitations through the app's own sender to a real SMTP server on 127.0.0.1; they
/// are read back as MIME and as iCalendar, as Outlook and Google Calendar read them.
/// </summary>
public sealed class CalendarInviteEmailTests(EmailApp app) : IClassFixture<EmailApp>
{
    private const string UseCase = "Worried about the migration; budget is tight.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Story(RequestScenario.People People, Guid RequestId, string SellerEmail, string AdvocateEmail, string? ProspectEmail, DateTimeOffset At);

    /// <summary>
    /// A seller's request for a deal, accepted by the advocate and scheduled; the prospect's buyer is on the deal when asked
    /// for. The seller and the advocate's portal login speak the languages given, if any.
    /// </summary>
    private async Task<Story> ScheduledAsync(bool withProspect, string? sellerLanguage = null, string? advocateLanguage = null)
    {
        var advocateEmail = $"ada-{Guid.NewGuid():N}@customer.example";
        var (people, advocate) = await app.AddPeopleAsync(c => c.Email = advocateEmail);
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);
        var prospectEmail = withProspect ? $"pat-{Guid.NewGuid():N}@prospect.example" : null;
        var sellerEmail = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var seller = await db.Users.SingleAsync(u => u.Id == people.SellerId, Ct);
            // An invitation is the meeting itself, not a notice of it: it comes with notification emails off.
            seller.EmailNotifications = false;
            seller.Language = sellerLanguage;
            (await db.Users.SingleAsync(u => u.Id == people.AdvocateUserId, Ct)).Language = advocateLanguage;
            if (prospectEmail is not null)
            {
                var deal = await db.Opportunities.SingleAsync(o => o.Id == opportunityId, Ct);
                var buyer = new Contact { AccountId = deal.AccountId, FirstName = "Pat", LastName = "Buyer", Email = prospectEmail };
                db.AddRange(buyer, new OpportunityContactRole { OpportunityId = deal.Id, ContactId = buyer.Id, Role = "Evaluator" });
            }
            await db.SaveChangesAsync(Ct);
            return seller.Email!;
        });
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), opportunityId, useCase = UseCase }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!.Id;
        await StepAsync(people.Seller, $"/api/v1/requests/{id}/assign", new { contactId = advocate.ContactId });
        await StepAsync(people.Owner, $"/api/v1/requests/{id}/owner-consent", new { decision = "approve" });
        await StepAsync(people.Advocate, $"/api/v1/requests/{id}/accept", null);
        var at = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(9).AddHours(15), TimeSpan.Zero);
        await StepAsync(people.Seller, $"/api/v1/requests/{id}/schedule", new { at });
        return new Story(people, id, sellerEmail, advocateEmail, prospectEmail, at);
    }

    private static async Task StepAsync(HttpClient client, string path, object? body)
    {
        using var response = body is null ? await client.PostAsync(path, null, Ct) : await client.PostAsJsonAsync(path, body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The invitations received at <paramref name="address"/> in the order of their sequence, once <paramref name="count"/> have arrived.</summary>
    private async Task<List<MimeMessage>> InvitationsToAsync(string address, int count)
    {
        List<MimeMessage> Received() => [.. app.Smtp.MessagesTo(address).Where(m => CalendarPart(m) is not null)
            .OrderBy(m => Ical.Net.Calendar.Load(CalendarPart(m)!.Text)!.Events.Single().Sequence)];
        await Eventually.HoldsAsync(() => Received().Count >= count, $"{count} invitations reach {address}");
        var received = Received();
        Assert.Equal(count, received.Count);
        return received;
    }

    private static TextPart? CalendarPart(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().SingleOrDefault(p => p.ContentType.MimeType == "text/calendar");

    private static Ical.Net.CalendarComponents.CalendarEvent EventOf(MimeMessage message, string method)
    {
        var part = CalendarPart(message)!;
        Assert.Equal((method, "utf-8"), (part.ContentType.Parameters["method"], part.ContentType.Charset));
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(("invite.ics", "application/ics"), (attachment.FileName, attachment.ContentType.MimeType));
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        // The same calendar; the test server's mailbox stores the text part's line ends as LF.
        Assert.Equal(part.Text.ReplaceLineEndings(), System.Text.Encoding.UTF8.GetString(content.ToArray()).ReplaceLineEndings());
        var calendar = Ical.Net.Calendar.Load(part.Text)!;
        Assert.Equal(method, calendar.Method);
        return Assert.Single(calendar.Events);
    }

    [Fact]
    public async Task Scheduling_invites_the_seller_the_advocate_and_the_prospect_to_one_event()
    {
        var story = await ScheduledAsync(withProspect: true);

        var toSeller = Assert.Single(await InvitationsToAsync(story.SellerEmail, 1));
        var toAdvocate = Assert.Single(await InvitationsToAsync(story.AdvocateEmail, 1));
        var toProspect = Assert.Single(await InvitationsToAsync(story.ProspectEmail!, 1));
        var request = (await story.People.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{story.RequestId}", Ct))!;
        var events = new[] { toSeller, toAdvocate, toProspect }.Select(m => EventOf(m, "REQUEST")).ToList();
        Assert.All(events, e =>
        {
            Assert.Equal(($"request-{story.RequestId}@vouch.example.com", 0, "CONFIRMED"), (e.Uid, e.Sequence, e.Status));
            Assert.Equal(story.At.UtcDateTime, e.DtStart!.AsUtc);
            Assert.Equal(story.At.UtcDateTime.AddHours(1), e.DtEnd!.AsUtc);
            Assert.Equal(("mailto:vouch@example.com", request.Requester), (e.Organizer!.Value!.ToString(), e.Organizer.CommonName));
            Assert.Equal(
                [$"mailto:{story.SellerEmail}", $"mailto:{story.AdvocateEmail}", $"mailto:{story.ProspectEmail}"],
                e.Attendees.Select(a => a.Value!.ToString()));
            Assert.Equal([request.Requester, request.Contact, "Pat Buyer"], e.Attendees.Select(a => a.CommonName));
            Assert.All(e.Attendees, a => Assert.Equal(("REQ-PARTICIPANT", "NEEDS-ACTION", true), (a.Role, a.ParticipationStatus, a.Rsvp)));
            Assert.StartsWith($"Reference call: {request.Contact} ({request.Account}) with Prospect ", e.Summary, StringComparison.Ordinal);
        });
        Assert.Equal("multipart/mixed", toSeller.Body!.ContentType.MimeType);
        Assert.StartsWith("Invitation: Reference call: ", toSeller.Subject, StringComparison.Ordinal);
        // Inside, the use case and the request; outside, who meets whom about what.
        var link = $"{EmailApp.PublicUrl}/requests/{story.RequestId}";
        Assert.Contains($"Use case: {UseCase}", events[0].Description, StringComparison.Ordinal);
        Assert.Contains($"The request in Vouch: {link}", events[0].Description, StringComparison.Ordinal);
        Assert.Contains(link, toSeller.TextBody, StringComparison.Ordinal);
        foreach (var (external, message) in new[] { (events[1], toAdvocate), (events[2], toProspect) })
        {
            Assert.StartsWith($"Reference call between {request.Contact} of {request.Account} and Prospect ", external.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(UseCase, external.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("/requests/", external.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(UseCase, message.TextBody + message.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("/requests/", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_guest_reads_the_invitation_in_their_language_and_a_guest_who_is_no_user_in_English()
    {
        var story = await ScheduledAsync(withProspect: true, sellerLanguage: "de", advocateLanguage: "es");
        var request = (await story.People.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{story.RequestId}", Ct))!;
        var emails = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => e.Calendar != null && (e.To == story.SellerEmail || e.To == story.AdvocateEmail || e.To == story.ProspectEmail)).ToListAsync(Ct));
        OutboundEmail To(string address) => Assert.Single(emails, e => e.To == address);
        var (toSeller, toAdvocate, toProspect) = (To(story.SellerEmail), To(story.AdvocateEmail), To(story.ProspectEmail!));
        string When(string format, string language) => story.At.UtcDateTime.ToString(format, CultureInfo.GetCultureInfo(language)) + " UTC";

        Assert.StartsWith($"Einladung: Reference call: {request.Contact} ({request.Account}) mit Prospect ", toSeller.Subject, StringComparison.Ordinal);
        Assert.EndsWith($" · {When("ddd, d. MMM yyyy, HH:mm", "de")}", toSeller.Subject, StringComparison.Ordinal);
        Assert.Contains($"Reference call zwischen {request.Contact} von {request.Account} und Prospect ", toSeller.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Anwendungsfall: {UseCase}", toSeller.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Die Anfrage in Vouch: {EmailApp.PublicUrl}/requests/{story.RequestId}", toSeller.TextBody, StringComparison.Ordinal);
        Assert.Contains(" mit Prospect ", Ical.Net.Calendar.Load(toSeller.Calendar!)!.Events.Single().Summary, StringComparison.Ordinal);

        Assert.StartsWith($"Invitación: Reference call: {request.Contact} ({request.Account}) con Prospect ", toAdvocate.Subject, StringComparison.Ordinal);
        Assert.Contains($", el {When("ddd d 'de' MMM 'de' yyyy, HH:mm", "es")}.", toAdvocate.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(UseCase, toAdvocate.TextBody, StringComparison.Ordinal);

        Assert.StartsWith($"Invitation: Reference call: {request.Contact} ({request.Account}) with Prospect ", toProspect.Subject, StringComparison.Ordinal);
        Assert.EndsWith($" · {When("ddd d MMM yyyy HH:mm", "en")}", toProspect.Subject, StringComparison.Ordinal);
        Assert.Contains($"Reference call between {request.Contact} of {request.Account} and Prospect ", toProspect.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_the_time_updates_the_event_and_cancelling_removes_it()
    {
        var story = await ScheduledAsync(withProspect: true);
        var later = story.At.AddDays(2).AddMinutes(30);

        using var moved = await story.People.Seller.PostAsJsonAsync($"/api/v1/requests/{story.RequestId}/reschedule", new { at = later }, Ct);
        var request = (await moved.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(("Scheduled", later), (request.Status, request.ScheduledFor!.Value));
        Assert.Equal($"Moved from {story.At.UtcDateTime:d MMM yyyy HH:mm} to {later.UtcDateTime:d MMM yyyy HH:mm} UTC.", request.Timeline[^1].Note);
        await StepAsync(story.People.Seller, $"/api/v1/requests/{story.RequestId}/cancel", new { reason = "The prospect chose another vendor." });

        foreach (var address in new[] { story.SellerEmail, story.AdvocateEmail, story.ProspectEmail! })
        {
            var received = await InvitationsToAsync(address, 3);
            var (first, update, cancel) = (EventOf(received[0], "REQUEST"), EventOf(received[1], "REQUEST"), EventOf(received[2], "CANCEL"));
            Assert.Equal((first.Uid, first.Uid), (update.Uid, cancel.Uid));
            Assert.Equal((0, 1, 2), (first.Sequence, update.Sequence, cancel.Sequence));
            Assert.Equal((later.UtcDateTime, "CONFIRMED"), (update.DtStart!.AsUtc, update.Status));
            Assert.Equal("CANCELLED", cancel.Status);
            Assert.StartsWith("Moved: ", received[1].Subject, StringComparison.Ordinal);
            Assert.StartsWith("Cancelled: ", received[2].Subject, StringComparison.Ordinal);
        }

        // The download is the cancellation now, so a calendar that took the file removes the event too.
        using var download = await story.People.Seller.GetAsync($"/api/v1/requests/{story.RequestId}/invite.ics", Ct);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", download.Content.Headers.ContentType!.ToString());
        var calendar = Ical.Net.Calendar.Load(await download.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("CANCEL", "CANCELLED", 2), (calendar.Method, calendar.Events.Single().Status, calendar.Events.Single().Sequence));
    }

    [Fact]
    public async Task A_time_is_required_and_a_move_must_change_it()
    {
        var story = await ScheduledAsync(withProspect: false);

        using var none = await story.People.Seller.PostAsJsonAsync($"/api/v1/requests/{story.RequestId}/reschedule", new { }, Ct);
        Assert.Equal(["at is required: when the activity takes place."], await none.AssertValidationProblemAsync("at"));
        using var same = await story.People.Seller.PostAsJsonAsync($"/api/v1/requests/{story.RequestId}/reschedule", new { at = story.At }, Ct);
        Assert.Equal([$"at is the time it is already scheduled for, {story.At.UtcDateTime:d MMM yyyy HH:mm} UTC."], await same.AssertValidationProblemAsync("at"));
        using var past = await story.People.Seller.PostAsJsonAsync($"/api/v1/requests/{story.RequestId}/reschedule", new { at = DateTimeOffset.UtcNow.AddDays(-3) }, Ct);
        Assert.Equal(["at must not be in the past."], await past.AssertValidationProblemAsync("at"));
        // Only the seller who asked or a reference manager moves it.
        using var owner = await story.People.Owner.PostAsJsonAsync($"/api/v1/requests/{story.RequestId}/reschedule", new { at = story.At.AddDays(1) }, Ct);
        await owner.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Scheduling_a_call_without_a_time_is_refused_naming_at()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20) }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!.Id;
        await StepAsync(people.Seller, $"/api/v1/requests/{id}/assign", new { contactId = advocate.ContactId });
        await StepAsync(people.Owner, $"/api/v1/requests/{id}/owner-consent", new { decision = "approve" });
        await StepAsync(people.Advocate, $"/api/v1/requests/{id}/accept", null);

        using var response = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{id}/schedule", new { }, Ct);

        Assert.Equal(["at is required: when the activity takes place."], await response.AssertValidationProblemAsync("at"));
        // Nothing is scheduled, so there is no invitation to download yet.
        using var download = await people.Seller.GetAsync($"/api/v1/requests/{id}/invite.ics", Ct);
        var problem = await download.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("It is accepted, not yet scheduled: an invitation is sent once it is scheduled.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_invitation_downloads_for_those_who_see_the_request_and_is_not_there_for_anyone_else()
    {
        var story = await ScheduledAsync(withProspect: false);
        var path = $"/api/v1/requests/{story.RequestId}/invite.ics";

        using var seller = await story.People.Seller.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, seller.StatusCode);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", seller.Content.Headers.ContentType!.ToString());
        Assert.Equal("invite.ics", seller.Content.Headers.ContentDisposition!.FileName);
        var sellers = Ical.Net.Calendar.Load(await seller.Content.ReadAsStringAsync(Ct))!.Events.Single();
        Assert.Equal(($"request-{story.RequestId}@vouch.example.com", 0, story.At.UtcDateTime), (sellers.Uid, sellers.Sequence, sellers.DtStart!.AsUtc));
        // With no buyer on the deal, who can be invited is: the seller and the advocate.
        Assert.Equal([$"mailto:{story.SellerEmail}", $"mailto:{story.AdvocateEmail}"], sellers.Attendees.Select(a => a.Value!.ToString()));
        Assert.Contains($"{EmailApp.PublicUrl}/requests/{story.RequestId}", sellers.Description, StringComparison.Ordinal);

        // The advocate finds it in the portal, beside the call they agreed to.
        var portal = await story.People.Advocate.GetStringAsync("/portal", Ct);
        Assert.Contains($"<a href=\"{path}\" download=\"invite.ics\" data-testid=\"invite-ics\">Add to calendar (.ics)</a>", portal, StringComparison.Ordinal);
        using var advocate = await story.People.Advocate.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, advocate.StatusCode);
        var advocates = Ical.Net.Calendar.Load(await advocate.Content.ReadAsStringAsync(Ct))!.Events.Single();
        Assert.Equal(sellers.Uid, advocates.Uid);
        Assert.DoesNotContain("/requests/", advocates.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(UseCase, advocates.Description, StringComparison.Ordinal);

        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var managers = await manager.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, managers.StatusCode);
        using var otherSeller = await app.ClientForAsync(Roles.Seller);
        using var notTheirs = await otherSeller.GetAsync(path, Ct);
        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound);
        var otherAdvocate = await app.AddUserAsync(Roles.Advocate);
        using var otherAdvocateClient = app.ClientWithToken(await app.CreateTokenAsync(otherAdvocate.Id));
        using var notAsked = await otherAdvocateClient.GetAsync(path, Ct);
        await notAsked.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
