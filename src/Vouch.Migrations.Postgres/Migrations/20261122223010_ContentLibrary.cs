using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContentLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentAssets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    UseCount = table.Column<int>(type: "integer", nullable: false),
                    UseLimit = table.Column<int>(type: "integer", nullable: true),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileLength = table.Column<long>(type: "bigint", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentAssets_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContentAssets_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContentAssets_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContentAssets_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ContentFileChunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentFileChunks", x => new { x.FileId, x.Index });
                });

            // File slices are mostly compressed already (PDF, images, video, Office zips): stored out of line without
            // PostgreSQL trying to compress them again.
            migrationBuilder.Sql("ALTER TABLE \"ContentFileChunks\" ALTER COLUMN \"Data\" SET STORAGE EXTERNAL;");

            migrationBuilder.CreateTable(
                name: "ContentAssetIndustries",
                columns: table => new
                {
                    ContentAssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndustriesId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAssetIndustries", x => new { x.ContentAssetId, x.IndustriesId });
                    table.ForeignKey(
                        name: "FK_ContentAssetIndustries_ContentAssets_ContentAssetId",
                        column: x => x.ContentAssetId,
                        principalTable: "ContentAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContentAssetIndustries_Industries_IndustriesId",
                        column: x => x.IndustriesId,
                        principalTable: "Industries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentAssetProducts",
                columns: table => new
                {
                    ContentAssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductsId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentAssetProducts", x => new { x.ContentAssetId, x.ProductsId });
                    table.ForeignKey(
                        name: "FK_ContentAssetProducts_ContentAssets_ContentAssetId",
                        column: x => x.ContentAssetId,
                        principalTable: "ContentAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContentAssetProducts_Products_ProductsId",
                        column: x => x.ProductsId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssetIndustries_IndustriesId",
                table: "ContentAssetIndustries",
                column: "IndustriesId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssetProducts_ProductsId",
                table: "ContentAssetProducts",
                column: "ProductsId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_AccountId",
                table: "ContentAssets",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_ContactId",
                table: "ContentAssets",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_CreatedById",
                table: "ContentAssets",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_State_ApprovedUntil",
                table: "ContentAssets",
                columns: new[] { "State", "ApprovedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_Title_Id",
                table: "ContentAssets",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentAssets_UpdatedById",
                table: "ContentAssets",
                column: "UpdatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentAssetIndustries");

            migrationBuilder.DropTable(
                name: "ContentAssetProducts");

            migrationBuilder.DropTable(
                name: "ContentFileChunks");

            migrationBuilder.DropTable(
                name: "ContentAssets");
        }
    }
}
