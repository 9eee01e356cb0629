using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Executives;

public static class ExecutiveEndpoints
{
    public static RouteGroupBuilder MapExecutives(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/executive-conversations").WithTags("Executive conversations");
        conversations.MapGet("/", List)
            .WithName("ListExecutiveConversations")
            .WithSummary("Executives' conversations with customers, latest first, a page at a time; filter by executiveId, accountId and contactId.")
            .RequireAuthorization(Policies.ReadReports);
        conversations.MapGet("/{id:guid}", Get)
            .WithName("GetExecutiveConversation").WithSummary("Get one executive conversation.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadReports);
        conversations.MapPost("/", Log)
            .WithName("LogExecutiveConversation")
            .WithSummary("Log a conversation you held with a customer (never in the future, never for another executive); it is a give in the contact's ledger.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(ExecutivesModule.LogConversations);
        conversations.MapPost("/{id:guid}/follow-ups-done", FollowUpsDone)
            .WithName("CloseExecutiveConversationFollowUps").WithSummary("Mark the follow-ups of one of your conversations done.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ExecutivesModule.LogConversations);

        var executives = api.MapGroup("/executives").WithTags("Executive conversations");
        executives.MapGet("/progress", Progress)
            .WithName("GetExecutiveProgress")
            .WithSummary("Each executive's conversations in a year (this one by default) against their target, and who is behind the pro-rata line.")
            .RequireAuthorization(Policies.ReadReports);
        executives.MapGet("/themes", Themes)
            .WithName("GetExecutiveConversationThemes")
            .WithSummary("The themes that repeat across a year's conversations (what executives learned, the value customers get), with the conversations behind each.")
            .RequireAuthorization(Policies.ReadReports);
        executives.MapPut("/{id:guid}/target", SetTarget)
            .WithName("SetExecutiveTarget").WithSummary("Set an executive's own yearly target of conversations; none returns them to the program's default.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Administer);

        var sponsor = api.MapGroup("/accounts/{id:guid}/sponsor").WithTags("Executive sponsors");
        sponsor.MapGet("/", GetSponsor)
            .WithName("GetAccountSponsor").WithSummary("The executive who sponsors the account.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        sponsor.MapPut("/", SetSponsor)
            .WithName("SetAccountSponsor").WithSummary("Pair the account with an executive as its sponsor, in place of any before.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        sponsor.MapDelete("/", RemoveSponsor)
            .WithName("RemoveAccountSponsor").WithSummary("The account has no executive sponsor any more.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        return api;
    }

    private static async Task<Results<Ok<Paged<ConversationResponse>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] ConversationFilter filter, ExecutiveProgram program, CancellationToken ct) =>
        (await program.ListAsync(page, filter, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ConversationResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, ExecutiveProgram program, CancellationToken ct) =>
        (await program.FindAsync(id, ct)).OrNotFound("The conversation").ToApi(TypedResults.Ok);

    private static async Task<Results<Created<ConversationResponse>, ValidationProblem, ProblemHttpResult>> Log(
        ConversationInput input, ExecutiveProgram program, CancellationToken ct) =>
        (await program.LogAsync(input, ct)).ToApi(c => TypedResults.Created($"/api/v1/executive-conversations/{c.Id}", c));

    private static async Task<Results<Ok<ConversationResponse>, ValidationProblem, ProblemHttpResult>> FollowUpsDone(
        Guid id, ExecutiveProgram program, CancellationToken ct) =>
        (await program.FollowUpsDoneAsync(id, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<IReadOnlyList<ExecutiveProgressResponse>>, ValidationProblem, ProblemHttpResult>> Progress(
        [FromQuery] int? year, ExecutiveProgram program, CancellationToken ct) =>
        (await program.ProgressAsync(year, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<IReadOnlyList<ThemeResponse>>, ValidationProblem, ProblemHttpResult>> Themes(
        [FromQuery] int? year, ExecutiveProgram program, CancellationToken ct) =>
        (await program.ThemesAsync(year, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ExecutiveProgressResponse>, ValidationProblem, ProblemHttpResult>> SetTarget(
        Guid id, TargetInput input, ExecutiveProgram program, CancellationToken ct) =>
        (await program.SetTargetAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<SponsorResponse>, ValidationProblem, ProblemHttpResult>> GetSponsor(Guid id, ExecutiveProgram program, CancellationToken ct) =>
        (await program.SponsorAsync(id, ct)).OrNotFound("The account's sponsor").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<SponsorResponse>, ValidationProblem, ProblemHttpResult>> SetSponsor(
        Guid id, SponsorInput input, ExecutiveProgram program, CancellationToken ct) =>
        (await program.SetSponsorAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveSponsor(Guid id, ExecutiveProgram program, CancellationToken ct) =>
        (await program.RemoveSponsorAsync(id, ct)).ToApi(TypedResults.NoContent);
}
