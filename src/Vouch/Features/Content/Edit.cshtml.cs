using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Resources;

namespace Vouch.Features.Content;

/// <summary>The form a manager fills in to add content or change it, with its file, as a plain multipart form.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class EditModel(ContentLibrary library, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public Guid? Id { get; private set; }
    public ContentForm Form { get; private set; } = new();
    public ContentResponse? Existing { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<(Guid Id, string Name)> Accounts { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Contacts { get; private set; } = [];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<Industry> Industries { get; private set; } = [];
    public long MaxFileBytes => library.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? account, CancellationToken ct)
    {
        Id = id;
        if (id is { } existingId)
        {
            if (await library.FindAsync(await ContentReader.OfAsync(user), existingId, ct) is not { } content)
            {
                return NotFound();
            }
            Existing = content;
            Form = new ContentForm
            {
                Title = content.Title, Kind = content.Kind, Summary = content.Summary, AccountId = content.AccountId,
                FitsWhere = content.FitsWhere, NotAFitFor = content.NotAFitFor,
                ContactId = content.ContactId, Stage = content.Stage, UseLimit = content.UseLimit, Link = content.Link,
                Version = content.Version,
                Products = [.. content.Products.Select(Keys.FromName)],
                Industries = [.. content.Industries.Select(Keys.FromName)],
            };
        }
        else
        {
            Form = new ContentForm { AccountId = account };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, [FromForm] ContentForm form, IFormFile? file, CancellationToken ct)
    {
        (Id, Form) = (id, form);
        var reader = await ContentReader.OfAsync(user);
        if (file is { Length: > 0 } && await RefuseFileAsync(file) is { } fileError)
        {
            return await ShowErrorsAsync(new Dictionary<string, string[]> { ["file"] = [fileError] }, ct);
        }
        var input = new ContentInput(form.Title, form.Kind, form.Summary, form.AccountId, form.ContactId, form.Products,
            form.Industries, form.Stage, form.UseLimit, form.Link, form.Version, form.FitsWhere, form.NotAFitFor);
        var saved = id is { } existingId
            ? await library.UpdateAsync(reader, existingId, input, ct)
            : await library.CreateAsync(reader, input, ct);
        if (!saved.Succeeded)
        {
            return saved.Refusal.Kind == RefusalKind.NotFound
                ? NotFound()
                : await ShowErrorsAsync(saved.Refusal.Errors ?? new Dictionary<string, string[]> { ["version"] = [saved.Refusal.Message] }, ct);
        }
        if (file is { Length: > 0 })
        {
            await using var stream = file.OpenReadStream();
            var uploaded = await library.UploadAsync(reader, saved.Value.Id, file.FileName, stream, ct);
            if (!uploaded.Succeeded)
            {
                TempData["Notice"] = text["The content was saved, but not its file: {0}", uploaded.Refusal.Message].Value;
                return Redirect($"/content/{saved.Value.Id}/edit");
            }
        }
        TempData["Notice"] = (id is null ? text["The content was added as a draft."] : text["The content was saved."]).Value;
        return Redirect($"/content/{saved.Value.Id}");
    }

    /// <summary>Checks the file's type before anything is saved, so a wrong file leaves no half-made content behind.</summary>
    private static async Task<string?> RefuseFileAsync(IFormFile file)
    {
        await using var stream = file.OpenReadStream();
        var head = new byte[ContentFileTypes.HeadLength];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        return ContentFileTypes.Detect(head.AsSpan(0, read), ContentFileTypes.SanitizeFileName(file.FileName)).Refusal;
    }

    private async Task<IActionResult> ShowErrorsAsync(IDictionary<string, string[]> errors, CancellationToken ct)
    {
        Errors = errors;
        if (Id is { } existingId)
        {
            Existing = await library.FindAsync(await ContentReader.OfAsync(user), existingId, ct);
        }
        await LoadChoicesAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Accounts = (await db.Accounts.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();
        if (Form.AccountId is { } accountId)
        {
            Contacts = (await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId)
                    .OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
                    .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName }).ToListAsync(ct))
                .Select(c => (c.Id, c.Name)).ToList();
        }
        Products = await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        Industries = await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
    }
}

/// <summary>The fields of the content form, as the browser posts them.</summary>
public sealed record ContentForm
{
    public string? Title { get; init; }
    public string? Kind { get; init; }
    public string? Summary { get; init; }
    public string? FitsWhere { get; init; }
    public string? NotAFitFor { get; init; }
    public Guid? AccountId { get; init; }
    public Guid? ContactId { get; init; }
    public List<string> Products { get; init; } = [];
    public List<string> Industries { get; init; } = [];
    public string? Stage { get; init; }
    public int? UseLimit { get; init; }
    public string? Link { get; init; }
    public Guid? Version { get; init; }
}
