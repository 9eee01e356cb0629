using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Gifts;

public static class GiftEndpoints
{
    public static RouteGroupBuilder MapGifts(this RouteGroupBuilder api)
    {
        var gifts = api.MapGroup("/gifts").WithTags("Gifts").RequireAuthorization(GiftsModule.ManageGifts);
        gifts.MapGet("/", List)
            .WithName("ListGifts").WithSummary("Gifts newest first, a page at a time; filter by contactId and state (AwaitingApproval, Given, Refused).");
        gifts.MapPost("/", Record)
            .WithName("RecordGift")
            .WithSummary("Record a gift within the gift policy: given at once, kept for approval (above the threshold, or an exception asked for), or refused naming the rule.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        gifts.MapGet("/{id:guid}", Get)
            .WithName("GetGift").WithSummary("Get one gift, with who approved or refused it and why.").ProducesProblem(StatusCodes.Status404NotFound);
        gifts.MapPost("/{id:guid}/approve", Approve)
            .WithName("ApproveGift").WithSummary("Approve a gift awaiting approval; it is given and counts in the ledger. An exception needs a note saying why.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        gifts.MapPost("/{id:guid}/refuse", Refuse)
            .WithName("RefuseGift").WithSummary("Refuse a gift awaiting approval, with a note saying why.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var policy = api.MapGroup("/gift-policy").WithTags("Gifts");
        policy.MapGet("/", GetPolicy)
            .WithName("GetGiftPolicy").WithSummary("The gift policy in force: its currency, limits, approval threshold, credit hours and public-sector industries.")
            .RequireAuthorization(GiftsModule.ManageGifts);
        policy.MapPut("/", UpdatePolicy)
            .WithName("UpdateGiftPolicy").WithSummary("Replace the gift policy; send the version you read.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Administer);
        return api;
    }

    private static async Task<Results<Ok<Paged<GiftResponse>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [FromQuery] Guid? contactId, [FromQuery] string? state, GiftRegister gifts, CancellationToken ct) =>
        (await gifts.ListAsync(page, contactId, state, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<GiftResponse>, ValidationProblem, ProblemHttpResult>> Record(
        GiftInput input, GiftRegister gifts, CancellationToken ct) =>
        (await gifts.RecordAsync(input, ct)).ToApi(gift => TypedResults.Created($"/api/v1/gifts/{gift.Id}", gift));

    private static async Task<Results<Ok<GiftResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, GiftRegister gifts, CancellationToken ct) =>
        (await gifts.FindAsync(id, ct)).OrNotFound("The gift").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<GiftResponse>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, GiftDecision decision, GiftRegister gifts, CancellationToken ct) =>
        (await gifts.ApproveAsync(id, decision, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<GiftResponse>, ValidationProblem, ProblemHttpResult>> Refuse(
        Guid id, GiftDecision decision, GiftRegister gifts, CancellationToken ct) =>
        (await gifts.RefuseAsync(id, decision, ct)).ToApi(TypedResults.Ok);

    private static async Task<Ok<GiftPolicyResponse>> GetPolicy(GiftRegister gifts, CancellationToken ct) =>
        TypedResults.Ok(await gifts.PolicyResponseAsync(ct));

    private static async Task<Results<Ok<GiftPolicyResponse>, ValidationProblem, ProblemHttpResult>> UpdatePolicy(
        GiftPolicyInput input, GiftRegister gifts, CancellationToken ct) =>
        (await gifts.UpdatePolicyAsync(input, ct)).ToApi(TypedResults.Ok);
}
