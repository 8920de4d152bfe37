package fr.vigie.aggregator.store;


/** The store contract against the in-memory store (which keeps its data across "reopen" by being the same). */
class MemoryStoreTest extends StoreContractTest {

    @Override
    protected Store newStore() {
        return new MemoryStore(true);
    }

    @Override
    protected Store reopen(Store previous) {
        return previous;
    }
}
