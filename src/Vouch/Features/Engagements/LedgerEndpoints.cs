using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Features.Portal;
using Vouch.Web;

namespace Vouch.Features.Engagements;

public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedger(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/contacts/{id:guid}/ledger").WithTags("Ledger");
        ledger.MapGet("/", Get)
            .WithName("GetLedger").WithSummary("A contact's asks and gives, newest first, a page at a time, with their give/ask balance.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        ledger.MapPost("/gives", RecordGive)
            .WithName("RecordGive").WithSummary("Record a give made by hand (an introduction, a seat), with what it is worth in the advocate's hours.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);

        api.MapGet("/reports/balance", OwedReport)
            .WithTags("Reports").WithName("GetOwedGiveReport")
            .WithSummary("Advocates by hours asked beyond hours given over the balance window, those owed a give first.")
            .RequireAuthorization(Policies.ReadReports);

        var history = api.MapGroup("/portal/history").WithTags("Portal");
        history.MapGet("/", History)
            .WithName("GetMyHistory").WithSummary("The signed-in advocate's history: what they did for us and what they received, newest first, with their balance.")
            .RequireAuthorization(Policies.AdvocatePortal);
        history.MapGet("/{id:guid}", HistoryItem)
            .WithName("GetMyHistoryEntry").WithSummary("One entry of the signed-in advocate's history.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvocatePortal);
        return api;
    }

    private static async Task<Results<Ok<LedgerResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, [AsParameters] PageQuery page, LedgerEntries entries, CancellationToken ct) =>
        (await entries.LedgerAsync(id, page, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<LedgerItem>, ValidationProblem, ProblemHttpResult>> RecordGive(
        Guid id, GiveInput input, LedgerEntries entries, CancellationToken ct) =>
        (await entries.RecordGiveAsync(id, input, ct)).ToApi(give => TypedResults.Created($"/api/v1/contacts/{id}/ledger", give));

    private static async Task<Results<Ok<Paged<OwedAdvocate>>, ValidationProblem, ProblemHttpResult>> OwedReport(
        [AsParameters] PageQuery page, [FromQuery] bool? owedOnly, LedgerEntries entries, CancellationToken ct) =>
        (await entries.OwedReportAsync(page, owedOnly ?? false, ct)).ToApi(TypedResults.Ok);

    private static async Task<Ok<HistoryResponse>> History(PortalAdvocate advocate, LedgerEntries entries, Ledger ledger, CancellationToken ct) =>
        TypedResults.Ok(await advocate.ContactIdAsync(ct) is { } contactId
            ? await entries.HistoryAsync(contactId, ct)
            : new HistoryResponse([], BalanceResponse.Of(ledger.EmptyBalance, ledger.Options.OwedAfterHours)));

    private static async Task<Results<Ok<HistoryItem>, ValidationProblem, ProblemHttpResult>> HistoryItem(
        Guid id, PortalAdvocate advocate, LedgerEntries entries, CancellationToken ct) =>
        (await advocate.ContactIdAsync(ct) is { } contactId
            ? await entries.HistoryItemAsync(contactId, id, ct)
            : Refusal.NotFound("The history entry")).ToApi(TypedResults.Ok);
}
