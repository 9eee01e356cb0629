using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.ProgramPolicies;
using Vouch.Web;

namespace Vouch.Features.Content;

/// <summary>
/// The content library's reads and changes, shared by the API and the pages. "Today" comes from the clock on every
/// call, so approval that ends is out of search the next day without anything having to run.
/// </summary>
public sealed class ContentLibrary(VouchDbContext db, IContentFileStore files, IOptions<ContentOptions> options, TimeProvider clock, PolicyRegister policies)
{
    private static readonly Refusal s_notFound = Refusal.NotFound("The content");

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>The content <paramref name="reader"/> may see: everything for managers, what may be used today for others.</summary>
    public IQueryable<ContentAsset> Visible(ContentReader reader)
    {
        var assets = db.ContentAssets.AsNoTracking();
        if (reader.IsManager)
        {
            return assets;
        }
        var today = Today;
        return assets.Where(c => c.State == ApprovalState.Approved
            && (c.ApprovedUntil == null || c.ApprovedUntil >= today)
            && (c.UseLimit == null || c.UseCount < c.UseLimit));
    }

    /// <summary>The assets with <paramref name="text"/> anywhere in their title, summary or account's name, in any case.</summary>
    public static IQueryable<ContentAsset> Matching(IQueryable<ContentAsset> assets, string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        return assets.Where(c => c.Title.ToLower().Contains(lower)
            || (c.Summary != null && c.Summary.ToLower().Contains(lower))
            || c.Account!.Name.ToLower().Contains(lower));
    }

    public async Task<Paged<ContentSummary>> SearchAsync(ContentReader reader, PageQuery page, ContentFilter filter, CancellationToken ct)
    {
        var today = Today;
        var assets = Visible(reader);
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            assets = Matching(assets, page.Q);
        }
        if (EnumText.ParseOrNull<ContentKind>(filter.Kind) is { } kind)
        {
            assets = assets.Where(c => c.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(filter.Product))
        {
            var key = Keys.FromName(filter.Product);
            assets = assets.Where(c => c.Products.Any(p => p.Key == key));
        }
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var key = Keys.FromName(filter.Industry);
            assets = assets.Where(c => c.Industries.Any(i => i.Key == key));
        }
        if (EnumText.ParseOrNull<BuyerStage>(filter.Stage) is { } stage)
        {
            assets = assets.Where(c => c.Stage == stage);
        }
        if (EnumText.ParseOrNull<ApprovalState>(filter.State) is { } state)
        {
            assets = state switch
            {
                ApprovalState.Approved => assets.Where(c => c.State == ApprovalState.Approved && (c.ApprovedUntil == null || c.ApprovedUntil >= today)),
                ApprovalState.Expired => assets.Where(c => c.State == ApprovalState.Expired || (c.State == ApprovalState.Approved && c.ApprovedUntil < today)),
                _ => assets.Where(c => c.State == state),
            };
        }
        if (filter.Account is { } accountId)
        {
            assets = assets.Where(c => c.AccountId == accountId);
        }
        if (filter.ExpiringWithinDays is { } days)
        {
            var last = today.AddDays(days);
            assets = assets.Where(c => c.State == ApprovalState.Approved && c.ApprovedUntil >= today && c.ApprovedUntil <= last);
        }

        var total = await assets.CountAsync(ct);
        var ordered = filter.ExpiringWithinDays is null
            ? assets.OrderBy(c => c.Title).ThenBy(c => c.Id)
            : assets.OrderBy(c => c.ApprovedUntil).ThenBy(c => c.Title).ThenBy(c => c.Id);
        var rows = await ordered
            .Skip(page.Skip).Take(page.Size)
            .Select(c => new
            {
                c.Id, c.Title, c.Kind, c.AccountId, Account = c.Account!.Name, c.Stage, c.State, c.ApprovedUntil,
                c.UseCount, c.UseLimit, c.FileId, c.Link,
            })
            .ToListAsync(ct);
        var items = rows.Select(c => new ContentSummary(
                c.Id, c.Title, c.Kind.ToString(), c.AccountId, c.Account, c.Stage?.ToString(),
                ContentRules.StateOn(c.State, c.ApprovedUntil, today).ToString(), c.ApprovedUntil,
                ContentRules.DaysLeft(c.ApprovedUntil, today), c.UseCount, c.UseLimit, c.FileId is not null, c.Link))
            .ToList();
        return new Paged<ContentSummary>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Names what is wrong with a filter, so a typo is not silently an empty list.</summary>
    public static void Validate(ContentFilter filter, ValidationErrors errors)
    {
        EnumText.Optional<ContentKind>(filter.Kind, "kind", errors);
        EnumText.Optional<BuyerStage>(filter.Stage, "stage", errors);
        EnumText.Optional<ApprovalState>(filter.State, "state", errors);
        if (filter.ExpiringWithinDays is < 0 or > 3650)
        {
            errors.Add("expiringWithinDays", "expiringWithinDays must be between 0 and 3650.");
        }
    }

    public async Task<ContentResponse?> FindAsync(ContentReader reader, Guid id, CancellationToken ct)
    {
        var today = Today;
        var row = await Visible(reader)
            .Where(c => c.Id == id)
            .Select(c => new
            {
                Asset = c,
                Account = c.Account!.Name,
                Contact = c.Contact == null ? null : c.Contact.FirstName + " " + c.Contact.LastName,
                Products = c.Products.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                Industries = c.Industries.OrderBy(i => i.Name).Select(i => i.Name).ToList(),
                CreatedBy = c.CreatedBy == null ? null : c.CreatedBy.Email,
                UpdatedBy = c.UpdatedBy == null ? null : c.UpdatedBy.Email,
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var a = row.Asset;
        return new ContentResponse(
            a.Id, a.Title, a.Kind.ToString(), a.Summary, a.AccountId, row.Account, a.ContactId, row.Contact,
            row.Products, row.Industries, a.Stage?.ToString(), a.StateOn(today).ToString(), a.ApprovedOn, a.ApprovedUntil,
            ContentRules.DaysLeft(a.ApprovedUntil, today), a.UseCount, a.UseLimit, a.Link,
            a.HasFile ? new ContentFileResponse(a.FileName!, a.FileContentType!, a.FileLength ?? 0, $"/api/v1/content/{a.Id}/file") : null,
            row.CreatedBy, a.CreatedAt, row.UpdatedBy, a.UpdatedAt, a.Version)
        {
            FitsWhere = a.FitsWhere,
            NotAFitFor = a.NotAFitFor,
        };
    }

    public async Task<CommandResult<ContentResponse>> CreateAsync(ContentReader reader, ContentInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var asset = new ContentAsset { Title = "", CreatedById = reader.UserId, CreatedAt = now, UpdatedById = reader.UserId, UpdatedAt = now };
        var errors = await ApplyAsync(input, asset, ct);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        db.ContentAssets.Add(asset);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(reader, asset.Id, ct);
    }

    public async Task<CommandResult<ContentResponse>> UpdateAsync(ContentReader reader, Guid id, ContentInput input, CancellationToken ct)
    {
        var asset = await db.ContentAssets.Include(c => c.Products).Include(c => c.Industries).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (asset is null)
        {
            return s_notFound;
        }
        if (Versioning.Check(asset, input.Version) is { } refusal)
        {
            return refusal;
        }
        var errors = await ApplyAsync(input, asset, ct);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        asset.UpdatedById = reader.UserId;
        asset.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(reader, asset, input.Version!.Value, ct);
    }

    public async Task<CommandResult> DeleteAsync(Guid id, CancellationToken ct)
    {
        var asset = await db.ContentAssets.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (asset is null)
        {
            return s_notFound;
        }
        db.ContentAssets.Remove(asset);
        await db.SaveChangesAsync(ct);
        if (asset.FileId is { } fileId)
        {
            await files.DeleteAsync(fileId, CancellationToken.None);
        }
        return CommandResult.Success;
    }

    /// <summary>Moves the content to another approval state, as <see cref="ContentRules"/> allow.</summary>
    public async Task<CommandResult<ContentResponse>> SetStateAsync(ContentReader reader, Guid id, ContentStateInput input, CancellationToken ct)
    {
        var asset = await db.ContentAssets.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (asset is null)
        {
            return s_notFound;
        }
        if (!EnumText.TryParse<ApprovalState>(input.State, out var to))
        {
            return Refusal.Invalid("state", EnumText.MustBeOneOf<ApprovalState>("state"));
        }
        // The version is optional here: a move between states is judged by the state the content is in now.
        if (input.Version is not null && Versioning.Check(asset, input.Version) is { } stale)
        {
            return stale;
        }
        var today = Today;
        var from = asset.StateOn(today);
        if (to == ApprovalState.Approved)
        {
            var approvedOn = input.ApprovedOn ?? today;
            if (ContentRules.RefuseMove(from, to, input.ApprovedUntil, today) is { } refusal)
            {
                return input.ApprovedUntil < today
                    ? Refusal.Invalid("approvedUntil", refusal)
                    : Refusal.Conflict("The content cannot move to that state.", refusal);
            }
            if (input.ApprovedUntil < approvedOn)
            {
                return Refusal.Invalid("approvedUntil", "approvedUntil cannot be before approvedOn.");
            }
            asset.ApprovedOn = approvedOn;
            asset.ApprovedUntil = input.ApprovedUntil;
        }
        else if (ContentRules.RefuseMove(from, to, asset.ApprovedUntil, today) is { } refusal)
        {
            return Refusal.Conflict("The content cannot move to that state.", refusal);
        }
        asset.State = to;
        asset.UpdatedById = reader.UserId;
        asset.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(reader, asset, asset.Version, ct);
    }

    /// <summary>
    /// Counts one use. The check and the count are one conditional UPDATE, so when two people take the last use at once
    /// the database lets exactly one of them have it, on SQLite and PostgreSQL alike.
    /// </summary>
    public async Task<CommandResult<ContentUseResponse>> RecordUseAsync(Guid id, CancellationToken ct)
    {
        var today = Today;
        // The program's content rules (a logo's written consent, a case study's re-approval) are fixed at their source, not excepted.
        if (await policies.BrokenByUseAsync(id, ct) is { Count: > 0 } broken)
        {
            return Refusal.Conflict("The content cannot be used under the program's policy.", string.Join(" ", broken.Select(b => b.Reason)));
        }
        var version = Guid.NewGuid();
        var counted = await db.ContentAssets
            .Where(c => c.Id == id && c.State == ApprovalState.Approved
                && (c.ApprovedUntil == null || c.ApprovedUntil >= today)
                && (c.UseLimit == null || c.UseCount < c.UseLimit))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UseCount, c => c.UseCount + 1).SetProperty(c => c.Version, version), ct);
        var asset = await db.ContentAssets.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (asset is null)
        {
            return s_notFound;
        }
        if (counted == 0)
        {
            var reason = ContentRules.RefuseUse(asset.StateOn(today), asset.UseCount, asset.UseLimit) ?? "It changed while it was being used; try again.";
            return Refusal.Conflict("The content cannot be used.", reason);
        }
        return new ContentUseResponse(asset.UseCount, asset.UseLimit, asset.UseLimit - asset.UseCount);
    }

    /// <summary>
    /// Stores <paramref name="content"/> as the asset's file, replacing any it had. The type is judged from the first
    /// bytes; the file is streamed into the store and stopped at <see cref="ContentOptions.MaxFileBytes"/>.
    /// </summary>
    public async Task<CommandResult<ContentResponse>> UploadAsync(
        ContentReader reader, Guid id, string? fileName, Stream content, CancellationToken ct)
    {
        var asset = await db.ContentAssets.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (asset is null)
        {
            return s_notFound;
        }
        if (asset.Link is not null)
        {
            return Refusal.Invalid("file", "This content is a link: remove the link before uploading a file.");
        }
        var name = ContentFileTypes.SanitizeFileName(fileName);
        var head = new byte[ContentFileTypes.HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var (type, refusal) = ContentFileTypes.Detect(head.AsSpan(0, headLength), name);
        if (type is null)
        {
            return Refusal.Invalid("file", refusal!);
        }

        var fileId = Guid.CreateVersion7();
        var upload = new UploadStream(head.AsMemory(0, headLength), content, MaxFileBytes);
        try
        {
            await files.SaveAsync(fileId, upload, ct);
        }
        catch (ContentFileTooLargeException tooLarge)
        {
            await files.DeleteAsync(fileId, CancellationToken.None);
            return Refusal.TooLarge("The file is too large.", $"file: files are limited to {tooLarge.MaxLength:N0} bytes.");
        }
        catch
        {
            await files.DeleteAsync(fileId, CancellationToken.None);
            throw;
        }

        var replaced = asset.FileId;
        (asset.FileId, asset.FileName, asset.FileContentType, asset.FileLength) = (fileId, name, type.MediaType, upload.BytesRead);
        asset.UpdatedById = reader.UserId;
        asset.UpdatedAt = clock.GetUtcNow();
        var saved = await SaveAsync(reader, asset, asset.Version, ct);
        // Whichever file the asset does not point to now is nobody's.
        if (!saved.Succeeded)
        {
            await files.DeleteAsync(fileId, CancellationToken.None);
        }
        else if (replaced is { } old)
        {
            await files.DeleteAsync(old, CancellationToken.None);
        }
        return saved;
    }

    /// <summary>The asset's file for download, when <paramref name="reader"/> may see the asset and it has one.</summary>
    public async Task<ContentFile?> OpenFileAsync(ContentReader reader, Guid id, CancellationToken ct)
    {
        var file = await Visible(reader).Where(c => c.Id == id && c.FileId != null)
            .Select(c => new { FileId = c.FileId!.Value, c.FileName, c.FileContentType, c.FileLength })
            .SingleOrDefaultAsync(ct);
        if (file is null || await files.OpenReadAsync(file.FileId, file.FileLength ?? 0, ct) is not { } stream)
        {
            return null;
        }
        return new ContentFile(stream, file.FileName!, file.FileContentType!);
    }

    private async Task<CommandResult<ContentResponse>> SaveAsync(ContentReader reader, ContentAsset asset, Guid readVersion, CancellationToken ct) =>
        await (await db.SaveOverAsync(asset, readVersion, ct)).ThenAsync(() => ReadAsync(reader, asset.Id, ct));

    /// <summary>The content a manager has just added or changed.</summary>
    private async Task<ContentResponse> ReadAsync(ContentReader reader, Guid id, CancellationToken ct) =>
        await FindAsync(reader, id, ct) ?? throw new InvalidOperationException($"The content {id} is not there for the one who just saved it.");

    /// <summary>Validates the input and, only when all of it is valid, copies it onto the asset.</summary>
    private async Task<ValidationErrors> ApplyAsync(ContentInput input, ContentAsset asset, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("title", input.Title, ContentAsset.TitleMaxLength);
        errors.MaxLength("summary", input.Summary, ContentAsset.SummaryMaxLength);
        errors.MaxLength("fitsWhere", input.FitsWhere, Contacts.Contact.StoryMaxLength);
        errors.MaxLength("notAFitFor", input.NotAFitFor, Contacts.Contact.StoryMaxLength);
        if (!EnumText.TryParse<ContentKind>(input.Kind, out var kind))
        {
            errors.Add("kind", EnumText.MustBeOneOf<ContentKind>("kind"));
        }
        var stage = EnumText.Optional<BuyerStage>(input.Stage, "stage", errors);
        if (input.AccountId is not { } accountId)
        {
            errors.Add("accountId", "accountId is required: content is about one customer account.");
        }
        else if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            errors.Add("accountId", $"No account has the id '{accountId}'.");
        }
        else if (input.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.AccountId == accountId, ct))
        {
            errors.Add("contactId", $"The account has no contact with the id '{contactId}'.");
        }
        if (input.UseLimit is < 1)
        {
            errors.Add("useLimit", "useLimit must be 1 or more, or left out for no limit.");
        }
        string? link = null;
        if (!string.IsNullOrWhiteSpace(input.Link))
        {
            link = input.Link.Trim();
            if (link.Length > ContentAsset.LinkMaxLength
                || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add("link", $"link must be an http or https address of at most {ContentAsset.LinkMaxLength} characters.");
            }
            else if (asset.HasFile)
            {
                errors.Add("link", "This content has a file: it is either a file or a link, not both.");
            }
        }
        var productKeys = (input.Products ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Keys.FromName).Distinct().ToList();
        var products = await db.Products.Where(p => productKeys.Contains(p.Key)).ToListAsync(ct);
        foreach (var unknown in productKeys.Except(products.Select(p => p.Key)))
        {
            errors.Add("products", $"'{unknown}' is not a known product; GET /api/v1/products lists them.");
        }
        var industryKeys = (input.Industries ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(Keys.FromName).Distinct().ToList();
        var industries = await db.Industries.Where(i => industryKeys.Contains(i.Key)).ToListAsync(ct);
        foreach (var unknown in industryKeys.Except(industries.Select(i => i.Key)))
        {
            errors.Add("industries", $"'{unknown}' is not a known industry; GET /api/v1/industries lists them.");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }

        asset.Title = input.Title!.Trim();
        asset.Kind = kind;
        asset.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        asset.FitsWhere = string.IsNullOrWhiteSpace(input.FitsWhere) ? null : input.FitsWhere.Trim();
        asset.NotAFitFor = string.IsNullOrWhiteSpace(input.NotAFitFor) ? null : input.NotAFitFor.Trim();
        asset.AccountId = input.AccountId!.Value;
        asset.ContactId = input.ContactId;
        asset.Stage = stage;
        asset.UseLimit = input.UseLimit;
        asset.Link = link;
        asset.Products = products;
        asset.Industries = industries;
        return errors;
    }

}
