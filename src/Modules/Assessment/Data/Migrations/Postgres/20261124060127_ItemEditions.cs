using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Assessment.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ItemEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Items written before versions were kept are their version 1.
            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "assessment",
                table: "asm_item",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "asm_item_edition",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Stem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReferenceAnswer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    blanks = table.Column<string>(type: "jsonb", nullable: true),
                    options = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asm_item_edition", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_asm_item_edition_ItemId_Version",
                schema: "assessment",
                table: "asm_item_edition",
                columns: new[] { "ItemId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asm_item_edition",
                schema: "assessment");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "assessment",
                table: "asm_item");
        }
    }
}
