using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Events;

public static class EventEndpoints
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", List).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListEvents").WithSummary("Search events, a page at a time; upcoming=true lists those yet to start, soonest first.");
        events.MapPost("/", Create).RequireAuthorization(EventsModule.ManageEvents)
            .WithName("CreateEvent").WithSummary("Add an event.");
        events.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetEvent").WithSummary("One event, with its speakers and how many registered and came.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        events.MapPut("/{id:guid}", Update).RequireAuthorization(EventsModule.ManageEvents)
            .WithName("UpdateEvent").WithSummary("Replace an event's fields; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var speakers = events.MapGroup("/{id:guid}/speakers");
        speakers.MapGet("/", Speakers).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListEventSpeakers").WithSummary("The event's speakers, with their ask and give in the ledger.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        speakers.MapPost("/", AddSpeaker).RequireAuthorization(EventsModule.ManageEvents)
            .WithName("AddEventSpeaker").WithSummary("Put an advocate on the stage: an ask of their time under their limits and consent, and a give of the stage. 409 names every rule that stops it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        speakers.MapDelete("/{speakerId:guid}", RemoveSpeaker).RequireAuthorization(EventsModule.ManageEvents)
            .WithName("RemoveEventSpeaker").WithSummary("Take a speaker off an event yet to happen; their ask and give are released.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var attendees = events.MapGroup("/{id:guid}/attendees");
        attendees.MapGet("/", Attendees).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListEventAttendees").WithSummary("The event's attendees, a page at a time, in the order they registered.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        attendees.MapPost("/", Register).RequireAuthorization(EventsModule.ManageEvents)
            .WithName("RegisterEventAttendee").WithSummary("Register a contact, or a prospect by name, email and company. 409 when the event is full or they are registered already.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        events.MapPost("/{id:guid}/check-in", CheckIn).RequireAuthorization(EventsModule.ManageEvents)
            .WithName("CheckInEventAttendee").WithSummary("Check a registered attendee in; someone not registered, or checked in already, is refused.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/reports/events", Conversion).RequireAuthorization(Policies.ReadReports).WithTags("Reports")
            .WithName("EventConversion").WithSummary("Per kind of event and per event: checked-in prospects, how many became customers within the window, and the revenue that followed.");
        return api;
    }

    private static async Task<Results<Ok<Paged<EventSummary>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] EventFilter filter, EventQueries queries, CancellationToken ct) =>
        (await page.ListAsync(() => queries.ListAsync(page, filter, ct), errors => EventQueries.Validate(filter, errors))).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<EventResponse>, ValidationProblem, ProblemHttpResult>> Create(
        EventInput input, EventPlanner planner, CancellationToken ct) =>
        (await planner.CreateAsync(input, ct)).ToApi(e => TypedResults.Created($"/api/v1/events/{e.Id}", e));

    private static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, EventQueries queries, CancellationToken ct) =>
        (await queries.FindAsync(id, ct)).OrNotFound("The event").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, EventInput input, EventPlanner planner, CancellationToken ct) =>
        (await planner.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<IReadOnlyList<SpeakerResponse>>, ValidationProblem, ProblemHttpResult>> Speakers(
        Guid id, EventQueries queries, CancellationToken ct) =>
        (await queries.SpeakersAsync(id, ct)).OrNotFound("The event").ToApi(TypedResults.Ok);

    private static async Task<Results<Created<SpeakerResponse>, ValidationProblem, ProblemHttpResult>> AddSpeaker(
        Guid id, SpeakerInput input, EventPlanner planner, CancellationToken ct) =>
        (await planner.AddSpeakerAsync(id, input, ct)).ToApi(s => TypedResults.Created($"/api/v1/events/{id}/speakers/{s.Id}", s));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveSpeaker(
        Guid id, Guid speakerId, EventPlanner planner, CancellationToken ct) =>
        (await planner.RemoveSpeakerAsync(id, speakerId, ct)).ToApi(TypedResults.NoContent);

    private static async Task<Results<Ok<Paged<AttendeeResponse>>, ValidationProblem, ProblemHttpResult>> Attendees(
        Guid id, [AsParameters] PageQuery page, EventQueries queries, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        return (errors.IsEmpty ? (await queries.AttendeesAsync(id, page, ct)).OrNotFound("The event") : Refusal.Invalid(errors)).ToApi(TypedResults.Ok);
    }

    private static async Task<Results<Created<AttendeeResponse>, ValidationProblem, ProblemHttpResult>> Register(
        Guid id, AttendeeInput input, EventPlanner planner, CancellationToken ct) =>
        (await planner.RegisterAsync(id, input, ct)).ToApi(a => TypedResults.Created($"/api/v1/events/{id}/attendees/{a.Id}", a));

    private static async Task<Results<Ok<AttendeeResponse>, ValidationProblem, ProblemHttpResult>> CheckIn(
        Guid id, CheckInInput input, EventPlanner planner, CancellationToken ct) =>
        (await planner.CheckInAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Ok<EventConversionReport>> Conversion(EventReport report, CancellationToken ct) =>
        TypedResults.Ok(await report.ConversionAsync(ct));
}
