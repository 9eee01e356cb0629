using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Accounts;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");

        accounts.MapGet("/", List)
            .WithName("ListAccounts").WithSummary("Search accounts, a page at a time, with the total.")
            .WithDescription("sort=engagementValue or sort=multiple lists customers by their value, highest first; a seller sees only their own.")
            .RequireAuthorization(Policies.ReadInventory);
        accounts.MapGet("/{id:guid}", Get)
            .WithName("GetAccount").WithSummary("Get one account.").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        accounts.MapPost("/", Create)
            .WithName("CreateAccount").WithSummary("Create an account.")
            .RequireAuthorization(Policies.ManageInventory);
        accounts.MapPut("/{id:guid}", Update)
            .WithName("UpdateAccount").WithSummary("Replace an account's fields; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        accounts.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteAccount").WithSummary("Delete an account and its contacts; they can be restored.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        accounts.MapPost("/{id:guid}/restore", Restore)
            .WithName("RestoreAccount").WithSummary("Undo deleting an account, with the contacts deleted with it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);

        return api;
    }

    private static async Task<Results<Ok<Paged<AccountSummary>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] AccountFilter filter, VouchDbContext db, CurrentUser user, CancellationToken ct)
    {
        Guid? valuesOfOwner = await user.MayAsync(Policies.ReadReports) ? null : user.Id;
        return (await page.ListAsync(() => db.SearchAsync(page, filter, ct, valuesOfOwner), filter.Validate)).ToApi(TypedResults.Ok);
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, VouchDbContext db, CancellationToken ct) =>
        (await db.FindAccountAsync(id, ct)).OrNotFound("The account").ToApi(TypedResults.Ok);

    private static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> Create(
        AccountInput input, AccountWrites accounts, CancellationToken ct) =>
        (await accounts.CreateAsync(input, ct)).ToApi(account => TypedResults.Created($"/api/v1/accounts/{account.Id}", account));

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, AccountInput input, AccountWrites accounts, CancellationToken ct) =>
        (await accounts.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid id, AccountWrites accounts, CancellationToken ct) =>
        (await accounts.DeleteAsync(id, ct)).ToApi(TypedResults.NoContent);

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> Restore(Guid id, AccountWrites accounts, CancellationToken ct) =>
        (await accounts.RestoreAsync(id, ct)).ToApi(TypedResults.Ok);
}
