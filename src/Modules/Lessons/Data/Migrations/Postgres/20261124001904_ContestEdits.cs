using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Lessons.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContestEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RubricChangedAt",
                schema: "lessons",
                table: "les_round",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                schema: "lessons",
                table: "les_entry",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RubricChangedAt",
                schema: "lessons",
                table: "les_round");

            migrationBuilder.DropColumn(
                name: "Description",
                schema: "lessons",
                table: "les_entry");
        }
    }
}
