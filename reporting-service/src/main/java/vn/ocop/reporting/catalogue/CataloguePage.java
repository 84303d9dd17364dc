package vn.ocop.reporting.catalogue;

import java.util.List;

public record CataloguePage(List<CatalogueProduct> items, int page, int size, long totalItems, int totalPages) {

    public CataloguePage {
        items = List.copyOf(items);
    }
}
