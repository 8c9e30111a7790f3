# labour2016 in R, with Debian's packages only (apt-get install r-base-core r-cran-readr
# r-cran-jsonlite r-cran-rsqlite): no frictionless-r, no CRAN.
#
#   source("R/labour2016.R")                      # from the package root
#   votes <- labour2016_read("votes")             # a table, each column typed by its Table Schema
#   con <- labour2016_sqlite("build/labour2016.sqlite")   # after `labour2016 build --out build/`
#   DBI::dbGetQuery(con, "select * from results")           # the tables and every view
#
# The column types come from the table's Table Schema (schemas/NAME.schema.json, named by
# datapackage.json), never from guessing: a date column is a Date, an integer column with gaps
# is an integer with NA, and a cell that does not parse as its type stops the read, naming it.

labour2016_types <- list(
  string = function() readr::col_character(),
  integer = function() readr::col_integer(),
  number = function() readr::col_double(),
  boolean = function() readr::col_logical(),
  date = function() readr::col_date(format = "%Y-%m-%d")
)

# The resource named `table` in the package at `root`, with its schema read from its file.
labour2016_resource <- function(table, root = ".") {
  package <- jsonlite::fromJSON(file.path(root, "datapackage.json"), simplifyVector = FALSE)
  names <- vapply(package$resources, function(r) r$name, "")
  if (!table %in% names) {
    stop(sprintf("labour2016: no table %s; the tables are: %s", table, paste(names, collapse = ", ")), call. = FALSE)
  }
  resource <- package$resources[[match(table, names)]]
  if (is.character(resource$schema)) {
    resource$schema <- jsonlite::fromJSON(file.path(root, resource$schema), simplifyVector = FALSE)
  }
  resource
}

# readr's column specification for a Table Schema: one column type per field, in order.
labour2016_col_types <- function(schema) {
  types <- lapply(schema$fields, function(f) {
    make <- labour2016_types[[f$type]]
    if (is.null(make)) stop(sprintf("labour2016: field %s has type %s, which this reader does not know", f$name, f$type),
                            call. = FALSE)
    make()
  })
  names(types) <- vapply(schema$fields, function(f) f$name, "")
  do.call(readr::cols, c(types, list(.default = readr::col_skip())))
}

# A table of the package as a tibble, typed from its Table Schema.
labour2016_read <- function(table, root = ".") {
  resource <- labour2016_resource(table, root)
  na <- if (is.null(resource$schema$missingValues)) "" else unlist(resource$schema$missingValues)
  data <- readr::read_csv(file.path(root, resource$path), col_types = labour2016_col_types(resource$schema),
                          na = na, progress = FALSE)
  problems <- readr::problems(data)
  if (nrow(problems) > 0) {
    p <- problems[1, ]
    stop(sprintf("labour2016: %s line %d column %d: %s is not %s", resource$path, p$row, p$col, p$actual, p$expected),
         call. = FALSE)
  }
  data
}

# The SQLite file `labour2016 build` writes, opened read-only: its tables, and every view (a SQLite
# view, or a table DuckDB computed, as DBI::dbListTables lists them).
labour2016_sqlite <- function(path = "build/labour2016.sqlite") {
  if (!file.exists(path)) stop(sprintf("labour2016: no %s; run `labour2016 build --out %s`", path, dirname(path)),
                               call. = FALSE)
  DBI::dbConnect(RSQLite::SQLite(), path, flags = RSQLite::SQLITE_RO)
}
