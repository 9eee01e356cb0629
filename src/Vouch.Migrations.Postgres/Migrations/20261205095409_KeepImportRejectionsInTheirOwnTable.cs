using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KeepImportRejectionsInTheirOwnTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    File = table.Column<string>(type: "text", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRejections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRejections_ImportId_Id",
                table: "ImportRejections",
                columns: new[] { "ImportId", "Id" });

            // The rejections each import and sync kept as one JSON text, row by row in the order they were written.
            migrationBuilder.Sql("""
                INSERT INTO "ImportRejections" ("ImportId", "File", "Row", "Column", "Reason")
                SELECT o."Id", r.value->>'file', (r.value->>'row')::integer, r.value->>'column', r.value->>'reason'
                FROM (SELECT "Id", "CreatedAt" AS "At", "Rejections" FROM "ImportJobs"
                      UNION ALL SELECT "Id", "StartedAt", "Rejections" FROM "SalesforceSyncRuns") AS o
                CROSS JOIN LATERAL json_array_elements(o."Rejections"::json) WITH ORDINALITY AS r(value, n)
                WHERE o."Rejections" IS NOT NULL
                ORDER BY o."At", o."Id", r.n;
                """);

            migrationBuilder.DropColumn(
                name: "Rejections",
                table: "SalesforceSyncRuns");

            migrationBuilder.DropColumn(
                name: "Rejections",
                table: "ImportJobs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRejections");

            migrationBuilder.AddColumn<string>(
                name: "Rejections",
                table: "SalesforceSyncRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rejections",
                table: "ImportJobs",
                type: "text",
                nullable: true);
        }
    }
}
