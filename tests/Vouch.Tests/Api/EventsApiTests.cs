using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Opportunities;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>Events through the API: speakers in the ledger and under their limits, registration within capacity, check-in, and the conversion report.</summary>
public sealed class EventsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private HttpClient? _manager;

    private async Task<HttpClient> ManagerAsync() => _manager ??= await app.ClientForAsync(Roles.ReferenceManager);

    private async Task<EventResponse> CreateAsync(string kind = "ProspectMixer", DateTimeOffset? startsAt = null, int capacity = 50, string? title = null)
    {
        using var response = await (await ManagerAsync()).PostAsJsonAsync("/api/v1/events",
            new { kind, title = title ?? $"Mixer {Guid.NewGuid():N}"[..14], topic = "Automated invoicing in practice", startsAt = startsAt ?? Now.AddDays(10), place = "Berlin", capacity }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EventResponse>(Ct))!;
    }

    /// <summary>An advocate who agreed to speaking and webinars, at most <paramref name="perQuarter"/> asks a quarter.</summary>
    private async Task<RequestScenario.Advocate> AddSpeakerAsync(int perQuarter = 3, bool agreed = true)
    {
        var advocate = await app.AddAdvocateAsync(null, c =>
        {
            c.MaxAsksPerQuarter = perQuarter;
            c.Email = $"speaker-{Guid.NewGuid():N}@example.com";
        });
        if (agreed)
        {
            await app.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<VouchDbContext>();
                var contact = await db.Contacts.Include(c => c.AgreedActivities).SingleAsync(c => c.Id == advocate.ContactId, Ct);
                contact.AgreedActivities.AddRange(await db.ActivityTypes.Where(t => t.Key == "speaking" || t.Key == "webinar").ToListAsync(Ct));
                await db.SaveChangesAsync(Ct);
            });
        }
        return advocate;
    }

    private Task<(Guid AccountId, Guid ContactId)> AddProspectAsync(DateOnly? customerSince = null) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Prospect {Guid.NewGuid():N}"[..20], CustomerSince = customerSince };
        var contact = new Contact { AccountId = account.Id, FirstName = "Pat", LastName = $"Prospect{Guid.NewGuid():N}"[..14] };
        db.AddRange(account, contact);
        await db.SaveChangesAsync(Ct);
        return (account.Id, contact.Id);
    });

    private Task<(int Speakers, int Attendees, int CheckedIn, int Entries)> CountAsync(Guid eventId, Guid? contactId = null) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        return (await db.Set<EventSpeaker>().CountAsync(s => s.EventId == eventId, Ct),
            await db.Set<EventAttendee>().CountAsync(a => a.EventId == eventId, Ct),
            await db.Set<EventAttendee>().CountAsync(a => a.EventId == eventId && a.CheckedInAt != null, Ct),
            contactId is { } id ? await db.Engagements.CountAsync(e => e.ContactId == id, Ct) : 0);
    });

    private async Task<AttendeeResponse> RegisterAsync(Guid eventId, object body)
    {
        using var response = await (await ManagerAsync()).PostAsJsonAsync($"/api/v1/events/{eventId}/attendees", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AttendeeResponse>(Ct))!;
    }

    private async Task<LedgerResponse> LedgerAsync(Guid contactId) =>
        (await (await ManagerAsync()).GetFromJsonAsync<LedgerResponse>($"/api/v1/contacts/{contactId}/ledger", Ct))!;

    [Fact]
    public async Task An_event_is_created_read_listed_and_updated_over_the_version_read()
    {
        var manager = await ManagerAsync();
        var created = await CreateAsync("Webinar", Now.AddDays(5), title: "Invoices at scale webinar");

        Assert.Equal(("Webinar", "Invoices at scale webinar", 50, 0, 50), (created.Kind, created.Title, created.Capacity, created.Registered, created.SeatsLeft));
        var read = (await manager.GetFromJsonAsync<EventResponse>($"/api/v1/events/{created.Id}", Ct))!;
        Assert.Equal(created with { Speakers = [] }, read with { Speakers = [] });
        var listed = (await manager.GetFromJsonAsync<Paged<EventSummary>>("/api/v1/events?q=invoices%20at%20scale&kind=webinar&upcoming=true", Ct))!;
        Assert.Equal([created.Id], listed.Items.Select(e => e.Id));
        Assert.Empty((await manager.GetFromJsonAsync<Paged<EventSummary>>("/api/v1/events?q=invoices%20at%20scale&upcoming=false", Ct))!.Items);

        var body = new { kind = "Webinar", title = "Invoices at scale, live", startsAt = created.StartsAt, place = "https://meet.example.com/invoices", capacity = 80, version = created.Version };
        using var updated = await manager.PutAsJsonAsync($"/api/v1/events/{created.Id}", body, Ct);
        var saved = (await updated.Content.ReadFromJsonAsync<EventResponse>(Ct))!;

        Assert.Equal(("Invoices at scale, live", "https://meet.example.com/invoices", 80), (saved.Title, saved.Place, saved.Capacity));
        await (await manager.PutAsJsonAsync($"/api/v1/events/{created.Id}", body, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([Versioning.VersionRequired], await (await manager.PutAsJsonAsync($"/api/v1/events/{created.Id}", new { kind = "Webinar", title = "T", startsAt = created.StartsAt, capacity = 80 }, Ct)).AssertValidationProblemAsync("version"));
        await (await manager.GetAsync($"/api/v1/events/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_events_are_refused_field_by_field_and_nothing_is_added()
    {
        var manager = await ManagerAsync();
        var before = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<Event>().CountAsync(Ct));

        async Task<string[]> InvalidAsync(object body, string field) =>
            await (await manager.PostAsJsonAsync("/api/v1/events", body, Ct)).AssertValidationProblemAsync(field);

        var at = Now.AddDays(3);
        Assert.Equal(["kind must be one of UserGroup, AdvisoryBoard, Webinar, ProspectMixer, Conference, CustomerHosted."],
            await InvalidAsync(new { kind = "Party", title = "T", startsAt = at, capacity = 5 }, "kind"));
        Assert.Equal(["kind is required: one of UserGroup, AdvisoryBoard, Webinar, ProspectMixer, Conference, CustomerHosted."],
            await InvalidAsync(new { title = "T", startsAt = at, capacity = 5 }, "kind"));
        Assert.Equal(["title is required."], await InvalidAsync(new { kind = "Conference", startsAt = at, capacity = 5 }, "title"));
        Assert.Equal(["startsAt is required."], await InvalidAsync(new { kind = "Conference", title = "T", capacity = 5 }, "startsAt"));
        Assert.Equal(["endsAt must be after startsAt."], await InvalidAsync(new { kind = "Conference", title = "T", startsAt = at, endsAt = at.AddHours(-1), capacity = 5 }, "endsAt"));
        Assert.Equal(["place 'ftp://files.example.com/join' looks like a link but is not an absolute http or https address."],
            await InvalidAsync(new { kind = "Webinar", title = "T", startsAt = at, place = "ftp://files.example.com/join", capacity = 5 }, "place"));
        Assert.Equal(["place 'https://' looks like a link but is not an absolute http or https address."],
            await InvalidAsync(new { kind = "Webinar", title = "T", startsAt = at, place = "https://", capacity = 5 }, "place"));
        Assert.Equal([$"capacity must be between 1 and {Event.MaxCapacity}."], await InvalidAsync(new { kind = "Conference", title = "T", startsAt = at, capacity = 0 }, "capacity"));
        Assert.Equal(["capacity is required: how many people the event holds."], await InvalidAsync(new { kind = "Conference", title = "T", startsAt = at }, "capacity"));
        var nobody = Guid.NewGuid();
        Assert.Equal([$"No account has the id {nobody}."], await InvalidAsync(new { kind = "CustomerHosted", title = "T", startsAt = at, capacity = 5, hostAccountId = nobody }, "hostAccountId"));
        Assert.Equal(["kind must be one of UserGroup, AdvisoryBoard, Webinar, ProspectMixer, Conference, CustomerHosted."],
            await (await manager.GetAsync("/api/v1/events?kind=party", Ct)).AssertValidationProblemAsync("kind"));
        Assert.Equal(before, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<Event>().CountAsync(Ct)));
    }

    [Fact]
    public async Task A_speaker_is_an_ask_of_their_time_and_a_give_of_the_stage_in_their_ledger_released_together()
    {
        var manager = await ManagerAsync();
        var webinar = await CreateAsync("Webinar", Now.AddDays(20), title: "Close in four days");
        var advocate = await AddSpeakerAsync();

        using var added = await manager.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/speakers", new { contactId = advocate.ContactId }, Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var speaker = (await added.Content.ReadFromJsonAsync<SpeakerResponse>(Ct))!;
        Assert.Equal(("Scheduled", 4m), (speaker.Status, speaker.CreditHours));
        var ledger = await LedgerAsync(advocate.ContactId);
        Assert.Equal(
            [("Ask", "Scheduled", "Speaking at Close in four days", 4m, "Webinar"), ("Give", "Scheduled", "Speaking at Close in four days", 4m, "Webinar")],
            ledger.Items.OrderBy(i => i.Kind, StringComparer.Ordinal).Select(i => (i.Kind, i.Status, i.What, i.Hours, i.Activity)));
        Assert.All(ledger.Items, i => Assert.Equal(webinar.StartsAt, i.At));
        await (await manager.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/speakers", new { contactId = advocate.ContactId }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([speaker.Id], (await manager.GetFromJsonAsync<List<SpeakerResponse>>($"/api/v1/events/{webinar.Id}/speakers", Ct))!.Select(s => s.Id));

        using var removed = await manager.DeleteAsync($"/api/v1/events/{webinar.Id}/speakers/{speaker.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(["Released", "Released"], (await LedgerAsync(advocate.ContactId)).Items.Select(i => i.Status));
        Assert.Equal((0, 0, 0, 2), await CountAsync(webinar.Id, advocate.ContactId));
        await (await manager.DeleteAsync($"/api/v1/events/{webinar.Id}/speakers/{speaker.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_speaker_at_their_quarterly_limit_or_without_consent_is_refused_and_nothing_changes()
    {
        var manager = await ManagerAsync();
        var startsAt = Now.AddHours(1);
        var mixer = await CreateAsync(startsAt: startsAt);
        var busy = await AddSpeakerAsync(perQuarter: 1);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
            db.Engagements.Add(new Engagement
            {
                ContactId = busy.ContactId, AccountId = busy.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = call.Id,
                Status = EngagementStatus.Scheduled, At = startsAt,
            });
            await db.SaveChangesAsync(Ct);
        });
        var unwilling = await AddSpeakerAsync(agreed: false);

        var atLimit = await (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/speakers", new { contactId = busy.ContactId }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var noConsent = await (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/speakers", new { contactId = unwilling.ContactId }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("quarterly limit reached (1 of 1)", atLimit.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("cannot be asked.", noConsent.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 1), await CountAsync(mixer.Id, busy.ContactId));
        Assert.Equal((0, 0, 0, 0), await CountAsync(mixer.Id, unwilling.ContactId));
        Assert.Equal(["contactId is required: the advocate to put on the stage."],
            await (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/speakers", new { }, Ct)).AssertValidationProblemAsync("contactId"));
        Assert.Equal([$"contactId is not a contact."],
            await (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/speakers", new { contactId = Guid.NewGuid() }, Ct)).AssertValidationProblemAsync("contactId"));
    }

    [Fact]
    public async Task The_stage_counts_in_the_balance_once_the_event_took_place()
    {
        var manager = await ManagerAsync();
        var summit = await CreateAsync("Conference", Now.AddDays(2), title: "Customer summit");
        var advocate = await AddSpeakerAsync();
        await (await manager.PostAsJsonAsync($"/api/v1/events/{summit.Id}/speakers", new { contactId = advocate.ContactId, creditHours = 10 }, Ct)).Content.ReadAsStringAsync(Ct);
        var before = (await LedgerAsync(advocate.ContactId)).Balance;

        var moved = Now.AddDays(-1);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            await db.Set<Event>().Where(e => e.Id == summit.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartsAt, moved), Ct);
            await db.Engagements.Where(e => e.ContactId == advocate.ContactId).ExecuteUpdateAsync(s => s.SetProperty(e => e.At, moved), Ct);
            Assert.Equal(2, await services.GetRequiredService<EventCompletion>().CompleteAsync(Ct));
        });
        var after = await LedgerAsync(advocate.ContactId);

        // Before its day, neither the ask nor the promised stage weighs in the balance.
        Assert.Equal((0m, 0m), (before.GivenHours, before.AskedHours));
        Assert.Equal((10m, 8m), (after.Balance.GivenHours, after.Balance.AskedHours));
        Assert.Equal(["Completed", "Completed"], after.Items.Select(i => i.Status));
        await (await manager.DeleteAsync($"/api/v1/events/{summit.Id}/speakers/{(await manager.GetFromJsonAsync<List<SpeakerResponse>>($"/api/v1/events/{summit.Id}/speakers", Ct))![0].Id}", Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Moving_an_event_with_speakers_is_refused_with_the_reason()
    {
        var manager = await ManagerAsync();
        var mixer = await CreateAsync();
        var advocate = await AddSpeakerAsync();
        await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/speakers", new { contactId = advocate.ContactId }, Ct);
        var current = (await manager.GetFromJsonAsync<EventResponse>($"/api/v1/events/{mixer.Id}", Ct))!;

        var errors = await (await manager.PutAsJsonAsync($"/api/v1/events/{mixer.Id}",
            new { kind = current.Kind, title = current.Title, startsAt = current.StartsAt.AddDays(1), capacity = current.Capacity, version = current.Version }, Ct))
            .AssertValidationProblemAsync("startsAt");

        Assert.Equal(["The event has 1 speaker, whose asks are booked for its start as speaking: take them off, change the event, and add them again so their limits are checked for the new one."], errors);
    }

    [Fact]
    public async Task Registration_stops_at_capacity_with_the_numbers_and_refuses_the_same_person_twice()
    {
        var manager = await ManagerAsync();
        var mixer = await CreateAsync(capacity: 2, title: "Small mixer");
        var (customerAccount, customer) = await AddProspectAsync(customerSince: new DateOnly(2020, 1, 1));
        var (prospectAccount, _) = await AddProspectAsync();

        var first = await RegisterAsync(mixer.Id, new { contactId = customer });
        var second = await RegisterAsync(mixer.Id, new { name = "Kim Buyer", email = "Kim@Prospect.example", company = "Prospect Ltd", accountId = prospectAccount });

        Assert.Equal(("Customer", customerAccount), (first.Role, first.AccountId));
        Assert.Equal(("Prospect", "kim@prospect.example", "Prospect Ltd"), (second.Role, second.Email, second.Company));
        var full = await (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/attendees", new { name = "Lee", email = "lee@late.example", company = "Late Inc" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("The event is full.", "Small mixer holds 2; 2 are registered already. Raise the capacity or wait for a seat."),
            (full.GetProperty("title").GetString(), full.GetProperty("detail").GetString()));
        var twice = await (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/attendees", new { contactId = customer }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Already registered.", twice.GetProperty("title").GetString());
        Assert.Equal((0, 2, 0, 0), await CountAsync(mixer.Id));
        var listed = (await manager.GetFromJsonAsync<Paged<AttendeeResponse>>($"/api/v1/events/{mixer.Id}/attendees", Ct))!;
        Assert.Equal([first.Id, second.Id], listed.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task Bad_registrations_are_refused_field_by_field_and_nothing_changes()
    {
        var manager = await ManagerAsync();
        var mixer = await CreateAsync();
        var (_, contact) = await AddProspectAsync();

        async Task<string[]> InvalidAsync(object body, string field) =>
            await (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/attendees", body, Ct)).AssertValidationProblemAsync(field);

        Assert.Equal(["Give either contactId, or a prospect's name, email and company, not both."], await InvalidAsync(new { contactId = contact, name = "X" }, "contactId"));
        Assert.Equal(["name is required."], await InvalidAsync(new { email = "a@b.example", company = "B" }, "name"));
        Assert.Equal(["company is required."], await InvalidAsync(new { name = "A", email = "a@b.example" }, "company"));
        Assert.Equal(["email 'not-an-email' is not an email address."], await InvalidAsync(new { name = "A", email = "not-an-email", company = "B" }, "email"));
        Assert.Equal(["role must be one of Customer, Prospect."], await InvalidAsync(new { contactId = contact, role = "Partner" }, "role"));
        var nobody = Guid.NewGuid();
        Assert.Equal([$"No contact has the id {nobody}."], await InvalidAsync(new { contactId = nobody }, "contactId"));
        Assert.Equal([$"No account has the id {nobody}."], await InvalidAsync(new { name = "A", email = "a@b.example", company = "B", accountId = nobody }, "accountId"));
        await (await manager.PostAsJsonAsync($"/api/v1/events/{Guid.NewGuid()}/attendees", new { contactId = contact }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((0, 0, 0, 0), await CountAsync(mixer.Id));
    }

    [Fact]
    public async Task Checking_in_someone_not_registered_twice_or_before_the_day_is_refused_precisely_and_changes_nothing()
    {
        var manager = await ManagerAsync();
        var today = await CreateAsync(startsAt: Now, title: "Today's mixer");
        var later = await CreateAsync(startsAt: Now.AddDays(30), title: "Later mixer");
        var (_, contact) = await AddProspectAsync();
        var attendee = await RegisterAsync(today.Id, new { contactId = contact });
        var early = await RegisterAsync(later.Id, new { contactId = contact });

        async Task<HttpResponseMessage> CheckInAsync(Guid eventId, object body) => await manager.PostAsJsonAsync($"/api/v1/events/{eventId}/check-in", body, Ct);

        var stranger = Guid.NewGuid();
        Assert.Equal([$"No one registered for Today's mixer has the id {stranger}: register them first, then check them in."],
            await (await CheckInAsync(today.Id, new { attendeeId = stranger })).AssertValidationProblemAsync("attendeeId"));
        Assert.Equal([$"No one registered for Today's mixer has the id {early.Id}: register them first, then check them in."],
            await (await CheckInAsync(today.Id, new { attendeeId = early.Id })).AssertValidationProblemAsync("attendeeId"));
        Assert.Equal(["attendeeId is required: the registered attendee who came."], await (await CheckInAsync(today.Id, new { })).AssertValidationProblemAsync("attendeeId"));
        var tooEarly = await (await CheckInAsync(later.Id, new { attendeeId = early.Id })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The event has not started.", tooEarly.GetProperty("title").GetString());
        Assert.Equal((0, 1, 0, 0), await CountAsync(later.Id));

        using var checkedIn = await CheckInAsync(today.Id, new { attendeeId = attendee.Id });
        var came = (await checkedIn.Content.ReadFromJsonAsync<AttendeeResponse>(Ct))!;
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        Assert.NotNull(came.CheckedInAt);

        var twice = await (await CheckInAsync(today.Id, new { attendeeId = attendee.Id })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("Already checked in.", $"{came.Name} checked in at {came.CheckedInAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC."),
            (twice.GetProperty("title").GetString(), twice.GetProperty("detail").GetString()));
        Assert.Equal(came, (await manager.GetFromJsonAsync<Paged<AttendeeResponse>>($"/api/v1/events/{today.Id}/attendees", Ct))!.Items.Single());
    }

    [Fact]
    public async Task The_report_counts_checked_in_prospects_who_became_customers_within_the_window_and_the_revenue_that_followed()
    {
        var eventDay = DateOnly.FromDateTime(Now.AddDays(-100).UtcDateTime);
        var mixer = await CreateAsync(startsAt: Now.AddDays(-100), title: "Spring prospect mixer");
        var (converted, convertedContact) = await AddProspectAsync(customerSince: eventDay.AddDays(30));
        var (stayed, stayedContact) = await AddProspectAsync();
        var (_, customerContact) = await AddProspectAsync(customerSince: new DateOnly(2020, 1, 1));
        var (_, absentContact) = await AddProspectAsync(customerSince: eventDay.AddDays(10));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            Opportunity Deal(Guid account, int days, decimal amount, bool won = true) =>
                new() { AccountId = account, Name = "Deal", Amount = amount, Stage = "Closed", CloseDate = eventDay.AddDays(days), IsClosed = true, IsWon = won };
            db.Opportunities.AddRange(Deal(converted, 60, 120_000.50m), Deal(converted, 20, 5_000m, won: false), Deal(converted, -5, 7_000m), Deal(stayed, 200, 9_000m));
            await db.SaveChangesAsync(Ct);
        });
        var manager = await ManagerAsync();
        foreach (var body in new object[] { new { contactId = convertedContact }, new { contactId = stayedContact }, new { contactId = customerContact },
            new { name = "Nameonly Person", email = "n@unknown.example", company = "Unknown" } })
        {
            var attendee = await RegisterAsync(mixer.Id, body);
            (await manager.PostAsJsonAsync($"/api/v1/events/{mixer.Id}/check-in", new { attendeeId = attendee.Id }, Ct)).EnsureSuccessStatusCode();
        }
        await RegisterAsync(mixer.Id, new { contactId = absentContact });

        var report = (await manager.GetFromJsonAsync<EventConversionReport>("/api/v1/reports/events", Ct))!;

        var row = report.Events.Single(e => e.EventId == mixer.Id);
        Assert.Equal(("ProspectMixer", eventDay, eventDay.AddDays(180), true, 2, 1, 1, 0.5, 120_000.50m),
            (row.Kind, row.On, row.WindowEndsOn, row.WindowOpen, row.Prospects, row.UnlinkedProspects, row.Converted, row.Rate, row.Revenue));
        Assert.Equal(180, report.WindowDays);
        Assert.True(report.ByKind.Single(k => k.Kind == "ProspectMixer").Converted >= 1);
    }

    [Fact]
    public async Task The_reports_narrow_reads_tally_as_the_engine_does_over_every_won_deal()
    {
        var mixer = await CreateAsync(startsAt: Now.AddDays(-30));
        var (account, contact) = await AddProspectAsync(customerSince: DateOnly.FromDateTime(Now.UtcDateTime));
        var attendee = await RegisterAsync(mixer.Id, new { contactId = contact });
        (await (await ManagerAsync()).PostAsJsonAsync($"/api/v1/events/{mixer.Id}/check-in", new { attendeeId = attendee.Id }, Ct)).EnsureSuccessStatusCode();

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            var events = await db.Set<Event>().Where(e => e.StartsOn <= today).Select(e => new HeldEvent(e.Id, e.Kind, e.StartsOn)).ToListAsync(Ct);
            var prospects = await db.Set<EventAttendee>().Where(a => a.CheckedInAt != null && a.Role == AttendeeRole.Prospect && a.AccountId != null)
                .Select(a => new AttendingProspect(a.EventId, a.AccountId!.Value, a.Account!.CustomerSince)).ToListAsync(Ct);
            var deals = await db.Opportunities.Where(o => o.IsWon).Select(o => new WonDeal(o.AccountId, o.CloseDate, o.Amount)).ToListAsync(Ct);
            var engine = EventConversion.Tally(events, prospects, deals, 180).OrderBy(t => t.EventId).ToList();

            var sql = (await services.GetRequiredService<EventReport>().TallyAsync(today, 180, Ct)).OrderBy(t => t.EventId).ToList();

            Assert.Equal(engine, sql);
            Assert.Contains(sql, t => t.EventId == mixer.Id && t.Converted == 1);
        });
    }

    [Fact]
    public async Task An_upcoming_event_with_speakers_from_the_requests_industry_is_offered_instead_of_a_call()
    {
        var manager = await ManagerAsync();
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(14).AddHours(16), TimeSpan.Zero);
        var webinar = await CreateAsync("Webinar", startsAt, title: "Treasury teams on closing faster");
        var advocate = await AddSpeakerAsync();
        (await manager.PostAsJsonAsync($"/api/v1/events/{webinar.Id}/speakers", new { contactId = advocate.ContactId }, Ct)).EnsureSuccessStatusCode();
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var created = await seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "site-visit", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), criteria = new { industryId = advocate.IndustryId } }, Ct);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var matches = await seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.GetProperty("id").GetGuid()}/matches", Ct);

        var offered = matches.GetProperty("alternatives").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == webinar.Id);
        Assert.Equal(($"Upcoming webinar on {startsAt:d MMMM}", "Treasury teams on closing faster (speakers from the same industry)", $"/events/{webinar.Id}"),
            (offered.GetProperty("kind").GetString(), offered.GetProperty("title").GetString(), offered.GetProperty("link").GetString()));
    }
}
