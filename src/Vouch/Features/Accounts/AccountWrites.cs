using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Catalog;

namespace Vouch.Features.Accounts;

/// <summary>
/// Adding, editing, deleting and restoring accounts: one set of rules for the API and the pages. Deleting an account
/// hides it and its contacts in one save, all with the same time; restoring it brings back exactly the contacts
/// deleted with it, not those deleted on their own before.
/// </summary>
public sealed class AccountWrites(VouchDbContext db, TimeProvider clock)
{
    public static readonly Refusal NotFound = Refusal.NotFound("The account");

    public async Task<CommandResult<AccountResponse>> CreateAsync(AccountInput input, CancellationToken ct)
    {
        var account = new Account { Name = "" };
        if (await ApplyAsync(input, account, ct) is { } invalid)
        {
            return invalid;
        }
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(account.Id, ct);
    }

    /// <summary>Replaces the account's fields, saving only over the version the caller read.</summary>
    public async Task<CommandResult<AccountResponse>> UpdateAsync(Guid id, AccountInput input, CancellationToken ct)
    {
        var account = await db.Accounts.AsSplitQuery().Include(a => a.Products).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return NotFound;
        }
        if ((Versioning.Check(account, input.Version) ?? await ApplyAsync(input, account, ct)) is { } refusal)
        {
            return refusal;
        }
        var saved = await db.SaveOverAsync(account, input.Version!.Value, ct);
        return saved.Succeeded ? await ReadAsync(id, ct) : saved.Refusal;
    }

    public async Task<CommandResult> DeleteAsync(Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return NotFound;
        }
        var now = clock.GetUtcNow();
        account.DeletedAt = now;
        await db.Contacts.Where(c => c.AccountId == id).ForEachAsync(c => c.DeletedAt = now, ct);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Undoes a delete, with the contacts deleted with the account; restoring a live account changes nothing.</summary>
    public async Task<CommandResult<AccountResponse>> RestoreAsync(Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return NotFound;
        }
        if (account.DeletedAt is { } deletedAt)
        {
            await db.Contacts.IgnoreQueryFilters().Where(c => c.AccountId == id && c.DeletedAt == deletedAt)
                .ForEachAsync(c => c.DeletedAt = null, ct);
            account.DeletedAt = null;
            await db.SaveChangesAsync(ct);
        }
        return await ReadAsync(id, ct);
    }

    private async Task<AccountResponse> ReadAsync(Guid id, CancellationToken ct) => (await db.FindAccountAsync(id, ct))!;

    /// <summary>
    /// Checks <paramref name="input"/> and, when it is valid, copies it onto <paramref name="account"/>, resolving
    /// industry, products, country and owner by name. Nothing is copied when anything is wrong.
    /// </summary>
    private async Task<Refusal?> ApplyAsync(AccountInput input, Account account, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("name", input.Name, Account.NameMaxLength);
        errors.MaxLength("externalId", input.ExternalId, Account.ExternalIdMaxLength);
        var externalId = string.IsNullOrWhiteSpace(input.ExternalId) ? null : input.ExternalId.Trim();
        // A deleted account keeps its external id (the index is unique), so it may come back as it was.
        if (externalId?.Length <= Account.ExternalIdMaxLength
            && await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.ExternalId == externalId && a.Id != account.Id, ct))
        {
            errors.Add("externalId", $"externalId '{externalId}' is taken by another account.");
        }

        Industry? industry = null;
        if (!string.IsNullOrWhiteSpace(input.Industry))
        {
            var key = Keys.FromName(input.Industry);
            industry = await db.Industries.SingleOrDefaultAsync(i => i.Key == key, ct);
            if (industry is null)
            {
                errors.Add("industry", $"'{input.Industry}' is not a known industry; GET /api/v1/industries lists them.");
            }
        }
        var segment = EnumText.Optional<Segment>(input.Segment, "segment", errors);
        var region = EnumText.Optional<Region>(input.Region, "region", errors);
        string? country = null;
        if (!string.IsNullOrWhiteSpace(input.Country))
        {
            country = Countries.Resolve(input.Country);
            if (country is null)
            {
                errors.Add("country", $"'{input.Country}' is not a country name or ISO code.");
            }
        }
        if (input.Employees < 0)
        {
            errors.Add("employees", "employees cannot be negative.");
        }
        Guid? ownerId = null;
        if (!string.IsNullOrWhiteSpace(input.Owner))
        {
            var email = input.Owner.Trim().ToUpperInvariant();
            ownerId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            if (ownerId is null)
            {
                errors.Add("owner", $"No user has the email '{input.Owner}'.");
            }
        }
        var productKeys = (input.Products ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Keys.FromName).Distinct().ToList();
        var products = await db.Products.Where(p => productKeys.Contains(p.Key)).ToListAsync(ct);
        foreach (var unknown in productKeys.Except(products.Select(p => p.Key)))
        {
            errors.Add("products", $"'{unknown}' is not a known product; GET /api/v1/products lists them.");
        }
        var competitors = (input.CompetitorsReplaced ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (competitors.Any(c => c.Length > 100))
        {
            errors.Add("competitorsReplaced", "Each competitor name must be at most 100 characters.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        account.Name = input.Name!.Trim();
        account.IndustryId = industry?.Id;
        account.Segment = segment;
        account.Region = region;
        account.CountryCode = country;
        account.Employees = input.Employees;
        account.AnnualRevenue = input.AnnualRevenue;
        account.GrossProfit = input.GrossProfit;
        account.CustomerSince = input.CustomerSince;
        account.ContractDate = input.ContractDate;
        account.OwnerId = ownerId;
        account.CompetitorsReplaced = competitors;
        account.Products = products;
        account.ExternalId = externalId;
        return null;
    }
}
