using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
            .RequireAuthorization(Policies.ReadInventory);
        accounts.MapGet("/{id:guid}", Get)
            .WithName("GetAccount").WithSummary("Get one account.").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        accounts.MapPost("/", Create)
            .WithName("CreateAccount").WithSummary("Create an account.").ProducesProblem(StatusCodes.Status409Conflict)
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

    private static async Task<Results<Ok<Paged<AccountSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] AccountFilter filter, VouchDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        filter.Validate(errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await db.SearchAsync(page, filter, ct));
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Get(Guid id, VouchDbContext db, CancellationToken ct) =>
        await db.FindAsync(id, ct) is { } account ? TypedResults.Ok(account) : Problems.NotFound("The account");

    private static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> Create(
        AccountInput input, VouchDbContext db, CancellationToken ct)
    {
        var account = new Account { Name = "" };
        var errors = await input.ApplyToAsync(account, db, ct);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        if (account.ExternalId is not null && await db.Accounts.AnyAsync(a => a.ExternalId == account.ExternalId, ct))
        {
            return Problems.Conflict("An account with this external id exists.", $"externalId '{account.ExternalId}' is taken.");
        }
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", (await db.FindAsync(account.Id, ct))!);
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, AccountInput input, VouchDbContext db, CancellationToken ct)
    {
        var account = await db.Accounts.AsSplitQuery().Include(a => a.Products).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Problems.NotFound("The account");
        }
        if (input.Version is null)
        {
            var missing = new ValidationErrors();
            missing.Add("version", "version is required: send the version you read, so a concurrent change is not overwritten.");
            return missing.ToProblem();
        }
        if (input.Version != account.Version)
        {
            return Problems.StaleVersion();
        }
        var errors = await input.ApplyToAsync(account, db, ct);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        // The token compared in the UPDATE is the version the caller read, so a save between our read and write also fails.
        db.Entry(account).Property(a => a.Version).OriginalValue = input.Version.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleVersion();
        }
        return TypedResults.Ok((await db.FindAsync(id, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, VouchDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.DeleteAccountAsync(id, clock.GetUtcNow(), ct) ? TypedResults.NoContent() : Problems.NotFound("The account");

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Restore(Guid id, VouchDbContext db, CancellationToken ct) =>
        await db.RestoreAccountAsync(id, ct) ? TypedResults.Ok((await db.FindAsync(id, ct))!) : Problems.NotFound("The account");
}
